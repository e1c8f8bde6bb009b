/*
 * COMPILE-ONLY STAND-IN written for nbci (not Jenkins code). It declares only the members the nbci
 * Jenkins adapter uses, with the signatures of Jenkins core 2.541.3 LTS. It is on the compile
 * classpath in `provided` scope and is never packaged into the .hpi; at run time Jenkins supplies the
 * real type. Build with -Pjenkins to compile against the real artifact instead.
 */
package hudson.util;

import java.io.IOException;

/** Stand-in with working factories, so form checks can be unit-tested against it. */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Kind { OK, WARNING, ERROR }

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation ok() {
        return new Plain(Kind.OK, null);
    }

    public static FormValidation ok(String message) {
        return new Plain(Kind.OK, message);
    }

    public static FormValidation warning(String message) {
        return new Plain(Kind.WARNING, message);
    }

    public static FormValidation error(String message) {
        return new Plain(Kind.ERROR, message);
    }

    public static FormValidation error(Throwable e, String message) {
        return new Plain(Kind.ERROR, message);
    }

    private static final class Plain extends FormValidation {
        private static final long serialVersionUID = 1L;

        Plain(Kind kind, String message) {
            super(kind, message);
        }
    }
}
