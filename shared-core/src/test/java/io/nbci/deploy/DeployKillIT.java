package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Kills a real {@code nbci deploy} process (SIGKILL) at random moments, many times, against
 * one MiniDFSCluster. After every kill the live release must be complete and exactly one
 * that was deployed (earlier, or the one being deployed), and the next deploy must succeed
 * and leave no staging behind. Trials: {@code -Dnbci.deploy.killTrials=N} (default 50).
 */
public class DeployKillIT {
    private static final int FILES = 60;

    private static MiniHdfs hdfs;
    private static FileSystem admin;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @BeforeClass
    public static void startHdfs() throws IOException {
        hdfs = MiniHdfs.shared();
        admin = hdfs.fileSystem();
    }


    @Test
    public void shouldAlwaysLeaveACompleteLiveReleaseWhenADeployIsKilled() throws Exception {
        trials("copies", Integer.getInteger("nbci.deploy.killTrials", 50));
    }

    @Test
    public void shouldAlwaysLeaveACompleteLiveSnapshotWhenADeployIsKilled() throws Exception {
        trials("snapshots", Integer.getInteger("nbci.deploy.snapshotKillTrials", 25));
    }

    private String base;

    private String releaseDir(String id) {
        return base + (base.endsWith("copies") ? "/releases/" : "/work/.snapshot/") + id;
    }

    private void trials(String layout, int trials) throws Exception {
        long seed = Long.getLong("nbci.deploy.killSeed", System.nanoTime());
        Random random = new Random(seed);
        base = "/apps/kill-" + layout;
        System.out.println("DeployKillIT: layout " + layout + ", " + trials + " trials, seed " + seed);
        Path source = temp.newFolder("src").toPath();
        Path targets = temp.getRoot().toPath().resolve("nbci-deploy.yaml");
        Files.writeString(targets, "targets:\n  t:\n    uri: " + hdfs.hdfsUri() + "\n    base: " + base + "\n"
                + "    retention: 3\n    parallel: 4\n    layout: " + layout + "\n");
        DeployTarget target = DeployTargets.parse(targets).get("t");
        Map<String, Map<String, String>> deployed = new HashMap<>();

        // a first, unkilled process run: proves the command works and calibrates the kill window
        generate(source, 0, random);
        long begin = System.nanoTime();
        Path firstLog = temp.getRoot().toPath().resolve("r0.log");
        Process first = child(targets, source, "r0", firstLog);
        long connected = awaitConnected(first, firstLog);
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(firstLog)).isEqualTo(0);
        long windowMillis = (System.nanoTime() - connected) / 1_000_000L;
        deployed.put("r0", expected(source));
        System.out.println("DeployKillIT: an unkilled deploy process takes " + (System.nanoTime() - begin) / 1_000_000L
                + " ms, " + windowMillis + " ms of it after connecting");

        Map<String, Integer> phases = new TreeMap<>();
        for (int trial = 1; trial <= trials; trial++) {
            String id = "k" + trial;
            generate(source, trial, random);
            Map<String, String> content = expected(source);
            Path log = temp.getRoot().toPath().resolve(id + ".log");
            Process process = child(targets, source, id, log);
            // most kills land after the JVM started and connected (where the deploy does its work); some anywhere
            long connectedAt = System.nanoTime();
            if (random.nextInt(10) > 0) {
                connectedAt = awaitConnected(process, log);
            }
            long killAt = (long) (random.nextDouble() * windowMillis * 1.1);
            boolean finished = process.waitFor(killAt, TimeUnit.MILLISECONDS);
            if (finished) {
                // later deploys reuse and hash less than the first: follow the window they really take
                windowMillis = Math.max(200, (windowMillis + (System.nanoTime() - connectedAt) / 1_000_000L) / 2);
            }
            if (!finished) {
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            String output = Files.readString(log);
            String phase = finished ? "finished" : phase(output);
            phases.merge(phase, 1, Integer::sum);
            System.out.println("DeployKillIT: trial " + trial + " killed at " + killAt + " ms: " + phase);
            if (output.contains("live release of t is now " + id)
                    || finished && process.exitValue() == 0) {
                deployed.put(id, content);
            }

            // 1. the live release is complete and is one that was deployed (before, or this one)
            String live = read(base + "/current").strip();
            if (!deployed.containsKey(live)) {
                assertThat(live).as("trial %d (%s): live %s", trial, phase, live).isEqualTo(id);
                deployed.put(id, content);
            }
            assertThat(releaseContent(live)).as("trial %d (%s): release %s", trial, phase, live)
                    .isEqualTo(deployed.get(live));

            // 2. the next deploy succeeds and cleans what the killed one left
            String next = id + "n";
            Files.writeString(source.resolve("next.txt"), next + "\n");
            try (TargetConnection connection = TargetConnection.open(target)) {
                DeployOutcome outcome = new Deployer(connection, LogSink.silent()).deploy(source, next, null, false);
                assertThat(outcome.exitCode()).as("trial %d next deploy", trial).isEqualTo(ExitCode.OK);
            }
            deployed.put(next, expected(source));
            Files.delete(source.resolve("next.txt"));
            assertThat(read(base + "/current").strip()).isEqualTo(next);
            assertThat(releaseContent(next)).isEqualTo(deployed.get(next));
            org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(base + "/staging");
            assertThat(admin.exists(staging) ? admin.listStatus(staging) : new Object[0]).isEmpty();
            assertThat(admin.exists(new org.apache.hadoop.fs.Path(base + "/" + DeployLock.FILE_NAME))).isFalse();
        }
        System.out.println("DeployKillIT: kills by phase reached " + phases);
        assertThat(phases.keySet()).as("kills should land in several phases: %s", phases).hasSizeGreaterThan(2);
    }

    /** Waits until the process printed its target line (JVM up, HDFS connected); returns that moment. */
    private static long awaitConnected(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("target t: ")) {
                break;
            }
            Thread.sleep(10);
        }
        return System.nanoTime();
    }

    /** The last phase the killed process reported. */
    private static String phase(String output) {
        if (output.contains("live release of t is now")) {
            return "after switch";
        }
        if (output.contains(FILES + 1 + "/" + (FILES + 1) + " files") || output.contains(FILES + "/" + FILES
                + " files")) {
            return "after upload";
        }
        if (output.contains(" files, ")) {
            return "during upload";
        }
        if (output.contains("deploy t release")) {
            return "scanned";
        }
        if (output.contains("target t: ")) {
            return "connected";
        }
        return "starting";
    }

    private static Process child(Path targets, Path source, String id, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m",
                "-Dnbci.deploy.hashCacheDir=" + System.getProperty("nbci.deploy.hashCacheDir",
                        Path.of("target", "deploy-hashes").toAbsolutePath().toString()),
                "-cp", System.getProperty("java.class.path"),
                "io.nbci.cli.Main", "deploy", "--targets", targets.toString(), "--target", "t",
                "--source", source.toString(), "--version", id));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Rewrites a third of the files each trial, and adds or drops one, so every deploy uploads and reuses. */
    private static void generate(Path source, int trial, Random random) throws IOException {
        for (int i = 0; i < FILES; i++) {
            Path file = source.resolve("d" + (i % 7) + "/f" + i + ".py");
            if (trial == 0 || i % 3 == trial % 3) {
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[4_000 + random.nextInt(12_000)];
                random.nextBytes(bytes);
                Files.write(file, bytes);
            }
        }
        Path extra = source.resolve("extra.txt");
        if (trial % 2 == 0) {
            Files.writeString(extra, "trial " + trial + "\n");
        } else {
            Files.deleteIfExists(extra);
        }
    }

    private static Map<String, String> expected(Path source) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(source.relativize(file).toString(), SourceScanner.hash("x", file).sha256());
            }
        }
        return files;
    }

    /** Path to SHA-256 of every file actually in the release folder, checked against its manifest. */
    private Map<String, String> releaseContent(String id) throws Exception {
        String dir = releaseDir(id);
        Manifest manifest = Manifest.fromJson(read(dir + "/" + Manifest.FILE_NAME), id);
        Map<String, String> files = new TreeMap<>();
        RemoteIterator<LocatedFileStatus> it = admin.listFiles(new org.apache.hadoop.fs.Path(dir), true);
        while (it.hasNext()) {
            LocatedFileStatus status = it.next();
            String relative = status.getPath().toUri().getPath().substring(dir.length() + 1);
            if (!relative.equals(Manifest.FILE_NAME)) {
                try (InputStream in = admin.open(status.getPath())) {
                    files.put(relative, DeployIT.sha(in.readAllBytes()));
                }
            }
        }
        Map<String, String> listed = new TreeMap<>();
        manifest.files().forEach(e -> listed.put(e.path(), e.sha256()));
        assertThat(files).as("release %s against its manifest", id).isEqualTo(listed);
        return files;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = admin.open(new org.apache.hadoop.fs.Path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
