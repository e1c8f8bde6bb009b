/*
 * COMPILE-ONLY STAND-IN written for nbci (not Jenkins code). It declares only the members the nbci
 * Jenkins adapter uses, with the signatures of Jenkins core 2.541.3 LTS. It is on the compile
 * classpath in `provided` scope and is never packaged into the .hpi; at run time Jenkins supplies the
 * real type. Build with -Pjenkins to compile against the real artifact instead.
 */
package hudson.util;

import java.io.Serializable;

/** Stand-in holding the plain text, so credential translations can be unit-tested against it. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public String getPlainText() {
        return value;
    }

    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }
}
