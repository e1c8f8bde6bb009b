/*
 * COMPILE-ONLY STAND-IN written for nbci (not Jenkins code). It declares only the members the nbci
 * Jenkins adapter uses, with the signatures of the credentials plugin 1506.v948b_b_b_7dec44. It is on the compile
 * classpath in `provided` scope and is never packaged into the .hpi; at run time Jenkins supplies the
 * real type. Build with -Pjenkins to compile against the real artifact instead.
 */
package com.cloudbees.plugins.credentials;

public class CredentialsMatchers {
    public static CredentialsMatcher withId(String id) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
