/*
 * COMPILE-ONLY STAND-IN written for nbci (not Jenkins code). It declares only the members the nbci
 * Jenkins adapter uses, with the signatures of Jenkins core 2.541.3 LTS. It is on the compile
 * classpath in `provided` scope and is never packaged into the .hpi; at run time Jenkins supplies the
 * real type. Build with -Pjenkins to compile against the real artifact instead.
 */
package jenkins.model;

import hudson.PluginManager;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.security.AccessControlled;
import hudson.security.Permission;

public class Jenkins implements ItemGroup<Item>, AccessControlled {
    public static final Permission ADMINISTER = new Permission("Jenkins.Administer");

    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("compile-only stand-in: no Jenkins here");
    }

    public PluginManager getPluginManager() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
