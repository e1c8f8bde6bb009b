import io.nbci.common.LogSink;
import io.nbci.deploy.DeployOutcome;
import io.nbci.deploy.DeployTargets;
import io.nbci.deploy.Deployer;
import io.nbci.deploy.TargetConnection;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * nbci deploy vs a plain FileSystem.copyFromLocalFile of the same folder to the same
 * MiniDFSCluster, in one run: full deploy throughput ratio, and a one-file-change
 * redeploy against the full deploy. Run by bench/deploy/run.sh.
 */
public class DeployBench {
    public static void main(String[] args) throws Exception {
        int files = Integer.parseInt(System.getProperty("files", "1000"));
        int fileSize = Integer.parseInt(System.getProperty("fileSize", "100000"));
        int rounds = Integer.parseInt(System.getProperty("rounds", "2"));
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench-deploy");
        Path source = work.resolve("src");
        Random random = new Random(42);
        for (int i = 0; i < files; i++) {
            Path file = source.resolve("dir" + (i % 10) + "/file" + i + ".py");
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[fileSize];
            random.nextBytes(bytes);
            Files.write(file, bytes);
        }
        long totalBytes = (long) files * fileSize;
        System.out.printf(Locale.ROOT, "source: %d files, %.1f MB in %s%n", files, totalBytes / 1e6, source);

        Configuration serverConf = new Configuration();
        serverConf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("dfs").toAbsolutePath().toString());
        serverConf.setInt("dfs.replication", 1);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(serverConf).numDataNodes(1).format(true).build();
        try {
            cluster.waitActive();
            String uri = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
            // the peer uses the same client settings as nbci, so only the way of copying differs
            FileSystem raw = FileSystem.newInstance(java.net.URI.create(uri), TargetConnection.configuration());
            raw.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(source.toUri()),
                    new org.apache.hadoop.fs.Path("/warmup"));
            raw.delete(new org.apache.hadoop.fs.Path("/warmup"), true);

            double[] rawSeconds = new double[rounds];
            double[] fullSeconds = new double[rounds];
            double[] oneSeconds = new double[rounds];
            double[] snapFullSeconds = new double[rounds];
            double[] snapOneSeconds = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                raw.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(source.toUri()),
                        new org.apache.hadoop.fs.Path("/raw/copy" + round));
                rawSeconds[round] = (System.nanoTime() - start) / 1e9;

                double[] copies = fullThenOne(work, uri, "bench", "copies", source, "dir3/file" + (3 + 10 * round)
                        + ".py", round, files, "copies");
                fullSeconds[round] = copies[0];
                oneSeconds[round] = copies[1];
                double[] snap = fullThenOne(work, uri, "snap", null, source, "dir5/file" + (5 + 10 * round) + ".py",
                        round, files, "default layout (auto: snapshots)");
                snapFullSeconds[round] = snap[0];
                snapOneSeconds[round] = snap[1];
                System.out.printf(Locale.ROOT, "round %d: copyFromLocalFile %.2f s | layout copies: deploy %.2f s, "
                        + "one-file redeploy %.2f s | default layout (auto = snapshots): deploy %.2f s, one-file redeploy %.2f s%n",
                        round + 1, rawSeconds[round], fullSeconds[round], oneSeconds[round], snapFullSeconds[round],
                        snapOneSeconds[round]);
            }
            double rawBest = Arrays.stream(rawSeconds).min().orElseThrow();
            double fullBest = Arrays.stream(fullSeconds).min().orElseThrow();
            double oneBest = Arrays.stream(oneSeconds).min().orElseThrow();
            double snapFullBest = Arrays.stream(snapFullSeconds).min().orElseThrow();
            double snapOneBest = Arrays.stream(snapOneSeconds).min().orElseThrow();
            System.out.println();
            System.out.printf(Locale.ROOT, "best of %d rounds:%n", rounds);
            System.out.printf(Locale.ROOT, "  copyFromLocalFile (peer)                 %7.2f s  %6.1f MB/s%n", rawBest,
                    totalBytes / 1e6 / rawBest);
            System.out.printf(Locale.ROOT, "  nbci deploy, layout copies (verified)    %7.2f s  %6.1f MB/s%n", fullBest,
                    totalBytes / 1e6 / fullBest);
            System.out.printf(Locale.ROOT, "  nbci deploy, default layout (verified)   %7.2f s  %6.1f MB/s%n",
                    snapFullBest, totalBytes / 1e6 / snapFullBest);
            System.out.printf(Locale.ROOT, "  one-file redeploy, layout copies         %7.2f s%n", oneBest);
            System.out.printf(Locale.ROOT, "  one-file redeploy, default layout        %7.2f s%n", snapOneBest);
            System.out.printf(Locale.ROOT, "RATIO deploy throughput vs copyFromLocalFile: default layout %.2fx, copies %.2fx "
                    + "(target >= 1.0x, aim 2x)%n", rawBest / snapFullBest, rawBest / fullBest);
            System.out.printf(Locale.ROOT, "RATIO full deploy / one-file redeploy: default layout %.2fx, copies %.2fx "
                    + "(target >= 10x)%n", snapFullBest / snapOneBest, fullBest / oneBest);
            raw.close();
        } finally {
            cluster.shutdown(true);
        }
    }

    /**
     * On a new target {@code /apps/<name><round>} ({@code layout} null: the default, which must choose
     * snapshots): deploys {@code source} as release "full", changes one file, redeploys as "one"; returns both
     * wall times in seconds and prints the redeploy's steps.
     */
    private static double[] fullThenOne(Path work, String uri, String name, String layout, Path source,
            String changedFile, int round, int files, String label) throws Exception {
        Path targets = work.resolve(name + round + ".yaml");
        Files.writeString(targets, "targets:\n  bench:\n    uri: " + uri + "\n    base: /apps/" + name + round
                + (layout == null ? "" : "\n    layout: " + layout) + "\n    parallel: "
                + System.getProperty("parallel", "8") + "\n");
        try (TargetConnection connection = TargetConnection.open(DeployTargets.parse(targets).get("bench"))) {
            Deployer deployer = new Deployer(connection, LogSink.silent());
            long start = System.nanoTime();
            DeployOutcome full = deployer.deploy(source, "full", null, false);
            double fullSeconds = (System.nanoTime() - start) / 1e9;
            check(full, files, 0);
            if (layout == null && !full.releasePath().endsWith("/work/.snapshot/full")) {
                throw new IllegalStateException("layout auto did not choose snapshots: " + full.releasePath());
            }
            Files.writeString(source.resolve(changedFile), "print('changed in round " + round + "')\n");
            start = System.nanoTime();
            DeployOutcome one = deployer.deploy(source, "one", null, false);
            double oneSeconds = (System.nanoTime() - start) / 1e9;
            check(one, 1, files - 1);
            System.out.println("  " + label + " one-file redeploy steps (ms): " + one.steps());
            return new double[] {fullSeconds, oneSeconds};
        }
    }

    private static void check(DeployOutcome outcome, int uploaded, int reused) {
        if (outcome.exitCode() != io.nbci.common.ExitCode.OK || outcome.uploaded() != uploaded
                || outcome.reused() != reused) {
            throw new IllegalStateException("unexpected deploy outcome: " + outcome.exitCode() + ", uploaded "
                    + outcome.uploaded() + ", reused " + outcome.reused());
        }
    }
}
