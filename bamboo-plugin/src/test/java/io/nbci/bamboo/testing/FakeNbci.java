package io.nbci.bamboo.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Stands in for the nbci command line in task tests (the real one is exercised by the
 * jar structure IT): echoes its arguments and the environment a task must pass, writes the
 * JUnit file it is asked for (unless {@code bamboo_fakeNoJunit} is set), writes a line to stderr,
 * and exits with {@code bamboo_fakeExit}
 * (after sleeping {@code bamboo_fakeSleep} seconds, for abort tests).
 */
public final class FakeNbci {
    private FakeNbci() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println("fake nbci " + String.join(" ", args));
        System.out.println("cwd " + Path.of("").toAbsolutePath());
        String token = System.getenv("NBCI_STATUS_TOKEN");
        if (token != null) {
            System.out.println("token is " + token);
        }
        String revision = System.getenv("bamboo_planRepository_revision");
        if (revision != null) {
            System.out.println("revision " + revision);
        }
        String password = System.getenv("bamboo_db_password");
        if (password != null) {
            System.out.println("db password is " + password);
        }
        System.err.println("a line on stderr");
        String error = System.getenv("bamboo_fakeError");
        if (error != null) {
            System.err.println("nbci: " + error);
        }
        int junit = Arrays.asList(args).indexOf("--junit");
        if (junit >= 0 && System.getenv("bamboo_fakeNoJunit") == null) {
            Path file = Path.of(args[junit + 1]);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "<testsuite name=\"fake\" tests=\"1\"><testcase name=\"cell 1\"/></testsuite>\n",
                    StandardCharsets.UTF_8);
        }
        String sleep = System.getenv("bamboo_fakeSleep");
        if (sleep != null) {
            Thread.sleep(Long.parseLong(sleep) * 1000);
        }
        System.exit(Integer.parseInt(System.getenv().getOrDefault("bamboo_fakeExit", "0")));
    }

    /** A runnable jar of this class, for the launcher under test. */
    public static Path jar(Path folder) throws IOException {
        Path jar = folder.resolve("fake-nbci.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, FakeNbci.class.getName());
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest);
                java.io.InputStream in = FakeNbci.class.getResourceAsStream("FakeNbci.class")) {
            out.putNextEntry(new java.util.jar.JarEntry(FakeNbci.class.getName().replace('.', '/') + ".class"));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
