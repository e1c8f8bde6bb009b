/*
 * COMPILE-ONLY STAND-IN written for nbci (not Jenkins code). It declares only the members the nbci
 * Jenkins adapter uses, with the signatures of the credentials plugin 1506.v948b_b_b_7dec44. It is on the compile
 * classpath in `provided` scope and is never packaged into the .hpi; at run time Jenkins supplies the
 * real type. Build with -Pjenkins to compile against the real artifact instead.
 */
package com.cloudbees.plugins.credentials.common;

public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
