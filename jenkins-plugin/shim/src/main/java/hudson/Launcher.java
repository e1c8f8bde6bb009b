/*
 * COMPILE-ONLY STAND-IN written for nbci (not Jenkins code). It declares only the members the nbci
 * Jenkins adapter uses, with the signatures of Jenkins core 2.541.3 LTS. It is on the compile
 * classpath in `provided` scope and is never packaged into the .hpi; at run time Jenkins supplies the
 * real type. Build with -Pjenkins to compile against the real artifact instead.
 */
package hudson;

import hudson.model.TaskListener;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

public abstract class Launcher {

    public final ProcStarter launch() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final class ProcStarter {
        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public ProcStarter masks(boolean... masks) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public ProcStarter pwd(FilePath workDir) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public ProcStarter stdout(OutputStream out) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public ProcStarter stdout(TaskListener out) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public ProcStarter envs(Map<String, String> overrides) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public Proc start() throws IOException {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public int join() throws IOException, InterruptedException {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
