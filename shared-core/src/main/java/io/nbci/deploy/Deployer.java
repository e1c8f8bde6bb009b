package io.nbci.deploy;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.hadoop.fs.CompositeCrcFileChecksum;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Atomic releases on one deploy target. Layout under the target's base path:
 *
 * <pre>
 *   &lt;base&gt;/releases/&lt;ID&gt;/...        immutable, complete releases (each with .nbci-manifest.json)
 *   &lt;base&gt;/staging/&lt;ID&gt;.&lt;nonce&gt;/   a release being uploaded (never read by jobs)
 *   &lt;base&gt;/current                 the live pointer: one line, the live release ID
 *   &lt;base&gt;/.nbci-lock              the deploy lock ({@link DeployLock})
 * </pre>
 *
 * A deploy uploads into staging, verifies every file, writes the manifest last, renames
 * the staging folder to {@code releases/<ID>} (one rename: the release appears complete or
 * not at all), then switches {@code current} with one rename-with-overwrite of a fully
 * written temporary file. Jobs read {@code current}, then {@code releases/<that ID>/...}.
 *
 * <p>With {@code layout: snapshots} a release is instead an HDFS snapshot
 * {@code <base>/work/.snapshot/<ID>} of one working folder that each deploy updates with the
 * changed files only; the pointer, lock, manifest and verification are the same. The default,
 * {@code layout: auto}, is snapshots wherever the target allows them (see {@link #layout()}).
 *
 * <pre>{@code
 * try (TargetConnection connection = TargetConnection.open(targets.get("prod"))) {
 *     DeployOutcome outcome = new Deployer(connection, log).deploy(Path.of("build/job"), "v42", "v42", false);
 * }
 * }</pre>
 */
public final class Deployer {
    /** The live pointer's file name under the base path. */
    public static final String CURRENT = "current";

    private final TargetConnection connection;
    private final DeployTarget target;
    private final FileSystem fs;
    private final LogSink log;
    private final Path base;
    private final Path releases;
    private final Path staging;
    private final Path current;
    private final Path lock;
    private final Path work;
    /** True for the snapshot layout, false for copies, null while {@code layout: auto} is undecided. */
    private Boolean snapshots;
    private Consumer<SourceFile> beforeTransfer = file -> { };
    /** Manifests read so far: a published release never changes, so each is read once per Deployer. */
    private final Map<String, Manifest> manifests = new java.util.concurrent.ConcurrentHashMap<>();

    public Deployer(TargetConnection connection, LogSink log) {
        this.connection = connection;
        this.target = connection.target();
        this.fs = connection.fs();
        this.log = log;
        this.base = fs.makeQualified(new Path(target.base()));
        this.releases = new Path(base, "releases");
        this.staging = new Path(base, "staging");
        this.current = new Path(base, CURRENT);
        this.lock = new Path(base, DeployLock.FILE_NAME);
        this.work = new Path(base, "work");
        this.snapshots = switch (target.layout()) {
            case SNAPSHOTS -> true;
            case COPIES -> false;
            case AUTO -> null;
        };
    }

    /** Test hook: runs just before each file is written to staging (after the source was hashed). */
    void beforeTransfer(Consumer<SourceFile> hook) {
        this.beforeTransfer = hook;
    }

    /** Full path of a release folder. */
    public Path releasePath(String id) {
        SourceVersion.validate(id, "release");
        return snapshots() ? new Path(new Path(work, ".snapshot"), id) : new Path(releases, id);
    }

    /**
     * The layout the target's releases are in: {@code copies} or {@code snapshots}; {@code auto} only for a
     * target with {@code layout: auto} that no deploy has decided yet (it holds no releases). Reads only.
     */
    public DeployTarget.Layout layout() {
        boolean snapshotLayout = snapshots();
        if (snapshots == null) {
            return DeployTarget.Layout.AUTO;
        }
        return snapshotLayout ? DeployTarget.Layout.SNAPSHOTS : DeployTarget.Layout.COPIES;
    }

    private boolean snapshots() {
        return snapshots != null ? snapshots : decideLayout(false);
    }

    /**
     * Decides {@code layout: auto} from what is on the target: a snapshottable working folder means
     * snapshots; releases already under {@code releases/} mean copies (a target never changes layout on
     * its own); on a fresh HDFS target a deploy ({@code mayEnable}) makes the working folder
     * snapshottable, which needs HDFS superuser rights, and falls back to copies, saying how an admin
     * enables snapshots, when the deploy user lacks them. Other filesystems: copies. Read-only calls on
     * a fresh target answer copies without deciding.
     */
    private boolean decideLayout(boolean mayEnable) {
        if (snapshots != null) {
            return snapshots;
        }
        if (!(fs instanceof org.apache.hadoop.hdfs.DistributedFileSystem
                || fs instanceof org.apache.hadoop.hdfs.web.WebHdfsFileSystem)) {
            snapshots = false;
            return false;
        }
        FileStatus workStatus = connection.call("stat " + work, () -> fs.exists(work) ? fs.getFileStatus(work)
                : null);
        if (workStatus != null && workStatus.isSnapshotEnabled()) {
            snapshots = true;
            return true;
        }
        boolean copiesHistory = connection.call("list " + releases, () -> fs.exists(releases)
                && fs.listStatus(releases).length > 0);
        if (copiesHistory) {
            snapshots = false;
            return false;
        }
        if (!mayEnable) {
            return false;
        }
        ensureDir(work);
        try {
            allowSnapshot();
            snapshots = true;
            log.info("target " + target.name() + ": layout snapshots (releases are HDFS snapshots "
                    + work.toUri().getPath() + "/.snapshot/<ID>; a deploy uploads only changed files)");
        } catch (DeployException e) {
            snapshots = false;
            log.info("target " + target.name() + ": layout copies (a full folder per release), because "
                    + connection.user() + " may not make " + work.toUri().getPath() + " snapshottable: "
                    + TargetConnection.firstLine(e.getMessage()) + ". For deploys that upload only changed files, an HDFS admin runs"
                    + " once: hdfs dfsadmin -allowSnapshot " + work.toUri().getPath()
                    + " (before the first deploy, or set layout: snapshots later)");
        }
        return snapshots;
    }

    public Path currentPointer() {
        return current;
    }

    /** What deploying {@code files} would change against the live release; reads only. */
    public DeployPlan plan(List<SourceFile> files) {
        String live = live();
        Manifest manifest = live == null ? null : manifest(live);
        return DeployPlan.of(files, manifest);
    }

    /**
     * Deploys the files of {@code source} as release {@code id}. Returns FAILED (nothing switched, staging
     * removed) when a file's verification failed; throws {@link DeployException} for bad input,
     * an unreachable or locked target.
     */
    public DeployOutcome deploy(java.nio.file.Path source, String id, String commit, boolean dryRun) {
        SourceVersion.validate(id, "--version");
        Map<String, Long> steps = new LinkedHashMap<>();
        long start = System.nanoTime();
        List<SourceFile> files = new SourceScanner(target.include(), target.exclude()).withHashCache(true)
                .scan(source);
        DeployPlan plan = plan(files);
        steps.put("scan", millisSince(start));
        log.info("deploy " + target.name() + " release " + id + ": " + plan.summary());
        if (dryRun) {
            plan.added().forEach(p -> log.info("  + " + p));
            plan.changed().forEach(p -> log.info("  ~ " + p));
            plan.removed().forEach(p -> log.info("  - " + p));
            log.info("dry run: nothing was written to " + target.location());
            return new DeployOutcome(target.name(), id, null, plan.liveRelease(), plan, true, 0, 0, 0, 0,
                    List.of(), steps, ExitCode.OK);
        }
        ensureDir(base);
        try (DeployLock held = DeployLock.acquire(connection, lock, "deploy " + id, log)) {
            long step = System.nanoTime();
            cleanStale();
            decideLayout(true);
            String live = live();
            Path release = releasePath(id);
            if (connection.call("check " + release, () -> fs.exists(release))) {
                Manifest existing = manifest(id);
                if (!sameContent(existing, files)) {
                    throw new DeployException(ExitCode.BAD_INPUT, "release " + id + " already exists on target "
                            + target.name() + " (" + release + ") with different content; deploy with a new --version");
                }
                log.info("release " + id + " is already on the target with the same content; switching to it");
                switchLive(id);
                steps.put("switch", millisSince(step));
                retention();
                return new DeployOutcome(target.name(), id, release.toString(), live, plan, false, 0, 0, 0, 0,
                        List.of(), steps, ExitCode.OK);
            }
            boolean snapshotLayout = snapshots();
            // copies: the release is uploaded into a staging folder and renamed into releases/ when verified
            Path stage = new Path(staging, id + "." + UUID.randomUUID().toString().substring(0, 8));
            Transfers transfers;
            if (snapshotLayout) {
                transfers = updateWork(files, steps, step);
            } else {
                Map<String, Path> reusable = reusable(live);
                steps.put("prepare", millisSince(step));
                step = System.nanoTime();
                ensureDir(staging);
                ensureDir(stage);
                transfers = transfer(files, stage, reusable, false);
                steps.put("upload", millisSince(step));
            }
            steps.put("verify", transfers.verifyMillis.get() / Math.max(1, target.parallel()));
            if (!transfers.mismatches.isEmpty()) {
                log.error("verification failed for " + transfers.mismatches.size() + " file(s); "
                        + (snapshotLayout ? "no snapshot was taken" : "nothing was published")
                        + " and the live release is unchanged");
                transfers.mismatches.forEach(m -> log.error("  " + m));
                if (!snapshotLayout) {
                    connection.call("remove " + stage, () -> fs.delete(stage, true));
                }
                return new DeployOutcome(target.name(), id, null, live, plan, false, transfers.uploaded.get(),
                        transfers.reused.get(), transfers.bytesUploaded.get(), transfers.bytesReused.get(),
                        transfers.mismatches, steps, ExitCode.FAILED);
            }

            step = System.nanoTime();
            Manifest manifest = new Manifest(1, id, commit, Instant.now().toString(), who(), connection.user(),
                    target.name(), files.stream().map(f -> new Manifest.Entry(f.path(), f.size(), f.sha256(),
                            f.crc32c())).toList());
            if (snapshotLayout) {
                Path manifestPath = new Path(work, Manifest.FILE_NAME);
                connection.call("delete " + manifestPath, () -> fs.delete(manifestPath, false));
                writeNew(manifestPath, manifest.toJson());
                connection.call("snapshot " + release, () -> fs.createSnapshot(work, id));
            } else {
                writeNew(new Path(stage, Manifest.FILE_NAME), manifest.toJson());
                ensureDir(releases);
                boolean renamed = connection.call("publish " + release, () -> fs.rename(stage, release));
                if (!renamed) {
                    throw new DeployException(ExitCode.INFRASTRUCTURE, "could not rename " + stage + " to " + release
                            + " (does it exist already?)");
                }
            }
            manifests.put(id, manifest);
            steps.put("publish", millisSince(step));
            step = System.nanoTime();
            switchLive(id);
            steps.put("switch", millisSince(step));
            log.info("live release of " + target.name() + " is now " + id + " (was " + (live == null ? "none"
                    : live) + "): " + release);
            step = System.nanoTime();
            retention();
            steps.put("retention", millisSince(step));
            return new DeployOutcome(target.name(), id, release.toString(), live, plan, false,
                    transfers.uploaded.get(), transfers.reused.get(), transfers.bytesUploaded.get(),
                    transfers.bytesReused.get(), List.of(), steps, ExitCode.OK);
        }
    }

    private static boolean sameContent(Manifest manifest, List<SourceFile> files) {
        if (manifest.files().size() != files.size()) {
            return false;
        }
        for (int i = 0; i < files.size(); i++) {
            Manifest.Entry entry = manifest.files().get(i);
            SourceFile file = files.get(i);
            if (!entry.path().equals(file.path()) || !entry.sha256().equals(file.sha256())) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 to a file with that content in an existing release (the live one first). */
    private Map<String, Path> reusable(String live) {
        Map<String, Path> bySha = new HashMap<>();
        List<String> ids = new ArrayList<>(releaseIds());
        Collections.reverse(ids);
        if (live != null) {
            ids.remove(live);
            ids.add(live);
        }
        for (String id : ids) {
            Manifest manifest;
            try {
                manifest = manifest(id);
            } catch (DeployException e) {
                continue;
            }
            for (Manifest.Entry entry : manifest.files()) {
                bySha.put(entry.sha256(), new Path(releasePath(id), entry.path()));
            }
        }
        return bySha;
    }

    private final class Transfers {
        final AtomicInteger uploaded = new AtomicInteger();
        final AtomicInteger reused = new AtomicInteger();
        final AtomicLong bytesUploaded = new AtomicLong();
        final AtomicLong bytesReused = new AtomicLong();
        final AtomicLong verifyMillis = new AtomicLong();
        final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger done = new AtomicInteger();
        final AtomicLong bytesDone = new AtomicLong();
        int lastDecile = -1;
        long lastLog = System.nanoTime();
    }

    /**
     * The snapshot layout's upload: brings {@code <base>/work} to the new content by writing only what differs
     * from the newest snapshot (files a killed deploy touched are found by length and modification time);
     * {@link #deploy} then publishes it as a snapshot. Snapshots are immutable, so the pointer only ever names
     * complete releases; the working folder is never read by jobs. Records the prepare and upload steps.
     */
    private Transfers updateWork(List<SourceFile> files, Map<String, Long> steps, long step) {
        ensureDir(work);
        enableSnapshots();
        String last = releases().stream().filter(ReleaseInfo::complete).map(ReleaseInfo::id).findFirst()
                .orElse(null);
        Map<String, FileStatus> tree = listing(work);
        Map<String, FileStatus> snap = last == null ? Map.of() : listing(releasePath(last));
        Map<String, Manifest.Entry> before = new HashMap<>();
        if (last != null) {
            manifest(last).files().forEach(e -> before.put(e.path(), e));
        }
        List<SourceFile> toWrite = new ArrayList<>();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        java.util.Set<String> neededDirs = new java.util.HashSet<>();
        int kept = 0;
        long keptBytes = 0;
        for (SourceFile file : files) {
            wanted.add(file.path());
            for (int slash = file.path().indexOf('/'); slash > 0; slash = file.path().indexOf('/', slash + 1)) {
                neededDirs.add(file.path().substring(0, slash));
            }
            FileStatus now = tree.get(file.path());
            FileStatus then = snap.get(file.path());
            Manifest.Entry entry = before.get(file.path());
            boolean clean = now != null && then != null && entry != null && entry.sha256().equals(file.sha256())
                    && now.getLen() == then.getLen() && now.getModificationTime() == then.getModificationTime();
            if (clean) {
                kept++;
                keptBytes += file.size();
            } else {
                toWrite.add(file);
            }
        }
        java.util.Set<String> removedDirs = new java.util.HashSet<>();
        for (String path : tree.keySet()) {
            if (wanted.contains(path)) {
                continue;
            }
            String gone = path;
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String dir = path.substring(0, slash);
                if (!neededDirs.contains(dir)) {
                    gone = dir;
                    break;
                }
            }
            if (removedDirs.add(gone)) {
                Path doomed = child(work, gone);
                connection.call("delete " + doomed, () -> fs.delete(doomed, true));
            }
        }
        steps.put("prepare", millisSince(step));
        step = System.nanoTime();
        Transfers transfers = transfer(toWrite, work, Map.of(), true);
        transfers.reused.addAndGet(kept);
        transfers.bytesReused.addAndGet(keptBytes);
        steps.put("upload", millisSince(step));
        return transfers;
    }

    private void enableSnapshots() {
        FileStatus status = connection.call("stat " + work, () -> fs.getFileStatus(work));
        if (status.isSnapshotEnabled()) {
            return;
        }
        try {
            allowSnapshot();
        } catch (DeployException e) {
            throw new DeployException(ExitCode.BAD_INPUT, "target " + target.name() + " uses layout: snapshots, but "
                    + work.toUri().getPath() + " is not snapshottable and " + connection.user() + " may not make it "
                    + "so; ask an HDFS admin to run once: hdfs dfsadmin -allowSnapshot " + work.toUri().getPath()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private void allowSnapshot() {
        connection.call("allow snapshots on " + work, () -> {
            if (fs instanceof org.apache.hadoop.hdfs.DistributedFileSystem) {
                ((org.apache.hadoop.hdfs.DistributedFileSystem) fs).allowSnapshot(work);
            } else if (fs instanceof org.apache.hadoop.hdfs.web.WebHdfsFileSystem) {
                ((org.apache.hadoop.hdfs.web.WebHdfsFileSystem) fs).allowSnapshot(work);
            } else {
                throw new IOException("snapshots are not supported by " + fs.getScheme());
            }
            return null;
        });
    }

    /** Files under {@code root} (recursively) by relative path, without the manifest. */
    private Map<String, FileStatus> listing(Path root) {
        return connection.call("list " + root, () -> {
            Map<String, FileStatus> files = new HashMap<>();
            if (!fs.exists(root)) {
                return files;
            }
            String prefix = root.toUri().getPath() + "/";
            // listStatus per folder: no block locations, unlike listFiles(recursive)
            java.util.ArrayDeque<Path> folders = new java.util.ArrayDeque<>(List.of(root));
            while (!folders.isEmpty()) {
                for (FileStatus status : fs.listStatus(folders.pop())) {
                    if (status.isDirectory()) {
                        folders.push(status.getPath());
                        continue;
                    }
                    String path = status.getPath().toUri().getPath();
                    if (path.startsWith(prefix) && !path.substring(prefix.length()).equals(Manifest.FILE_NAME)) {
                        files.put(path.substring(prefix.length()), status);
                    }
                }
            }
            return files;
        });
    }

    private Transfers transfer(List<SourceFile> files, Path stage, Map<String, Path> reusable, boolean replace) {
        Transfers t = new Transfers();
        TreeSet<String> dirs = new TreeSet<>();
        for (SourceFile file : files) {
            String path = file.path();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                dirs.add(path.substring(0, slash));
            }
        }
        for (String dir : dirs) {
            ensureDir(child(stage, dir));
        }
        long total = files.stream().mapToLong(SourceFile::size).sum();
        ExecutorService pool = Executors.newFixedThreadPool(target.parallel(), runnable -> {
            Thread thread = new Thread(runnable, "nbci-deploy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SourceFile file : files) {
                futures.add(pool.submit(() -> {
                    transferOne(file, stage, reusable, t, replace);
                    progress(t, files.size(), total);
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    if (e.getCause() instanceof RuntimeException) {
                        throw (RuntimeException) e.getCause();
                    }
                    throw new DeployException(ExitCode.INFRASTRUCTURE, "upload failed: " + e.getCause(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeployException(ExitCode.INFRASTRUCTURE, "interrupted while uploading");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return t;
    }

    private void progress(Transfers t, int files, long total) {
        int done = t.done.incrementAndGet();
        synchronized (t) {
            int decile = (int) (done * 10L / Math.max(1, files));
            long now = System.nanoTime();
            if (decile > t.lastDecile && (now - t.lastLog > 1_000_000_000L || done == files || t.lastDecile < 0)
                    || now - t.lastLog > 5_000_000_000L) {
                t.lastDecile = decile;
                t.lastLog = now;
                log.info(String.format(Locale.ROOT, "  %d/%d files, %s/%s (uploaded %d, reused %d)", done, files,
                        megabytes(t.bytesDone.get()), megabytes(total), t.uploaded.get(), t.reused.get()));
            }
        }
    }

    private void transferOne(SourceFile file, Path stage, Map<String, Path> reusable, Transfers t,
            boolean replace) {
        beforeTransfer.accept(file);
        Path destination = child(stage, file.path());
        Path from = reusable.get(file.sha256());
        connection.call("write " + destination, () -> {
            if (replace) {
                // delete first: also ends the lease of a file a killed deploy left open
                fs.delete(destination, false);
            }
            try (InputStream in = from != null ? fs.open(from) : Files.newInputStream(file.local());
                 OutputStream out = fs.create(destination, new FsPermission(target.filePermission()), false,
                         128 * 1024, replication(destination), fs.getDefaultBlockSize(destination), null)) {
                in.transferTo(out);
            }
            if (target.owner() != null || target.group() != null) {
                fs.setOwner(destination, target.owner(), target.group());
            }
            return null;
        });
        if (from != null) {
            t.reused.incrementAndGet();
            t.bytesReused.addAndGet(file.size());
        } else {
            t.uploaded.incrementAndGet();
            t.bytesUploaded.addAndGet(file.size());
        }
        t.bytesDone.addAndGet(file.size());
        long verifyStart = System.nanoTime();
        String mismatch = verify(destination, file);
        t.verifyMillis.addAndGet(millisSince(verifyStart));
        if (mismatch != null) {
            t.mismatches.add(file.path() + ": " + mismatch + (from != null ? " (copied from " + from + ")" : ""));
        }
    }

    /**
     * Null when the stored file has the local content. On hdfs:// the DataNodes' composite CRC32C
     * (block-size independent, computed from the checksums the DataNodes verified on write) is
     * compared with the CRC32C of the local bytes, without reading the file back; everywhere
     * else, and with {@code verify: read-back}, the file is read back and its SHA-256 compared.
     */
    private String verify(Path destination, SourceFile file) {
        return connection.call("verify " + destination, () -> {
            FileStatus status = fs.getFileStatus(destination);
            if (status.getLen() != file.size()) {
                return "expected " + file.size() + " bytes, found " + status.getLen();
            }
            if (target.verify() == DeployTarget.Verify.AUTO && file.size() > 0) {
                FileChecksum checksum = fs.getFileChecksum(destination);
                if (checksum instanceof CompositeCrcFileChecksum
                        && checksum.getAlgorithmName().equals("COMPOSITE-CRC32C")) {
                    String found = HexFormat.of().formatHex(checksum.getBytes());
                    return found.equals(file.crc32c()) ? null
                            : "expected CRC32C " + file.crc32c() + " (of the local file when hashed), found " + found;
                }
            }
            String found = sha256(destination);
            return found.equals(file.sha256()) ? null
                    : "expected SHA-256 " + file.sha256() + " (of the local file when hashed), read back " + found;
        });
    }

    private String sha256(Path path) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[128 * 1024];
        try (InputStream in = fs.open(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private short replication(Path path) {
        return target.replication() > 0 ? target.replication() : fs.getDefaultReplication(path);
    }

    /** {@code parent/relative}, refusing anything that would land outside {@code parent}. */
    Path child(Path parent, String relative) {
        Path path;
        try {
            path = new Path(parent, relative);
        } catch (IllegalArgumentException e) {
            throw new DeployException(ExitCode.BAD_INPUT, "cannot store \"" + relative + "\" under " + parent + ": "
                    + e.getMessage());
        }
        String parentPath = parent.toUri().getPath();
        String childPath = path.toUri().getPath();
        if (!childPath.startsWith(parentPath + "/") || List.of(relative.split("/")).contains("..")) {
            throw new DeployException(ExitCode.BAD_INPUT, "refusing \"" + relative + "\": it resolves to "
                    + childPath + ", outside " + parentPath);
        }
        return path;
    }

    private void ensureDir(Path dir) {
        connection.call("create " + dir, () -> {
            if (!fs.exists(dir)) {
                fs.mkdirs(dir, new FsPermission(target.dirPermission()));
                if (target.owner() != null || target.group() != null) {
                    fs.setOwner(dir, target.owner(), target.group());
                }
            }
            return null;
        });
    }

    private void writeNew(Path path, String text) {
        connection.call("write " + path, () -> {
            try (OutputStream out = fs.create(path, new FsPermission(target.filePermission()), false, 4096,
                    replication(path), fs.getDefaultBlockSize(path), null)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (target.owner() != null || target.group() != null) {
                fs.setOwner(path, target.owner(), target.group());
            }
            return null;
        });
    }

    /** Removes what killed deploys left: staging folders and unrenamed pointer files. Call with the lock held. */
    private void cleanStale() {
        connection.call("clean stale staging", () -> {
            if (fs.exists(staging)) {
                for (FileStatus status : fs.listStatus(staging)) {
                    log.warn("removing stale staging " + status.getPath().toUri().getPath()
                            + " (left by an interrupted deploy)");
                    fs.delete(status.getPath(), true);
                }
            }
            for (FileStatus status : fs.listStatus(base)) {
                if (status.getPath().getName().startsWith("." + CURRENT + ".")) {
                    fs.delete(status.getPath(), false);
                }
            }
            return null;
        });
    }

    /**
     * Makes {@code id} live: writes the ID to a new temporary file next to the pointer, closes it, then
     * renames it over {@code current} with {@link Options.Rename#OVERWRITE}. On HDFS that rename is one
     * NameNode operation: readers see the old pointer or the new one, never a partial file.
     */
    private void switchLive(String id) {
        Path temp = new Path(base, "." + CURRENT + "." + UUID.randomUUID().toString().substring(0, 8));
        writeNew(temp, id + "\n");
        connection.call("switch " + current, () -> {
            FileUtil.rename(fs, temp, current, Options.Rename.OVERWRITE);
            return null;
        });
    }

    /** The live release ID, or null when the target has none yet. */
    public String live() {
        byte[] bytes = connection.call("read " + current, () -> {
            try (InputStream in = fs.open(current)) {
                return in.readAllBytes();
            } catch (java.io.FileNotFoundException e) {
                return null;
            }
        });
        if (bytes == null) {
            return null;
        }
        String id = new String(bytes, StandardCharsets.UTF_8).strip();
        return SourceVersion.validate(id, current.toString());
    }

    /** The manifest of release {@code id}. */
    public Manifest manifest(String id) {
        Manifest known = manifests.get(id);
        if (known != null) {
            return known;
        }
        Path path = new Path(releasePath(id), Manifest.FILE_NAME);
        byte[] bytes = connection.call("read " + path, () -> {
            try (InputStream in = fs.open(path)) {
                return in.readAllBytes();
            } catch (java.io.FileNotFoundException e) {
                return null;
            }
        });
        if (bytes == null) {
            throw new DeployException(ExitCode.BAD_INPUT, "release " + id + " on target " + target.name()
                    + " has no manifest (" + path + ")");
        }
        Manifest manifest = Manifest.fromJson(new String(bytes, StandardCharsets.UTF_8), path.toString());
        manifests.put(id, manifest);
        return manifest;
    }

    private List<String> releaseIds() {
        boolean snapshotLayout = snapshots();
        Path folder = snapshotLayout ? new Path(work, ".snapshot") : releases;
        return connection.call("list " + folder, () -> {
            if (!fs.exists(snapshotLayout ? work : releases)
                    || snapshotLayout && !fs.getFileStatus(work).isSnapshotEnabled()) {
                return List.<String>of();
            }
            List<String> ids = new ArrayList<>();
            for (FileStatus status : fs.listStatus(folder)) {
                if (status.isDirectory()) {
                    ids.add(status.getPath().getName());
                }
            }
            Collections.sort(ids);
            return ids;
        });
    }

    /** Every release on the target, newest first, the live one marked. */
    public List<ReleaseInfo> releases() {
        String live = live();
        List<ReleaseInfo> infos = new ArrayList<>();
        for (String id : releaseIds()) {
            Manifest manifest;
            try {
                manifest = manifest(id);
            } catch (DeployException e) {
                long time = connection.call("stat " + id, () -> fs.getFileStatus(releasePath(id))
                        .getModificationTime());
                infos.add(new ReleaseInfo(id, Instant.ofEpochMilli(time).toString(), null, null, 0, 0,
                        id.equals(live), false));
                continue;
            }
            infos.add(new ReleaseInfo(id, manifest.created(), manifest.commit(), manifest.createdBy(),
                    manifest.files().size(), manifest.totalBytes(), id.equals(live), true));
        }
        infos.sort(Comparator.comparing(ReleaseInfo::created).thenComparing(ReleaseInfo::id).reversed());
        return infos;
    }

    /** The release deployed just before {@code id} (by staging time), or null. */
    private static ReleaseInfo before(List<ReleaseInfo> newestFirst, String id) {
        for (int i = 0; i < newestFirst.size(); i++) {
            if (newestFirst.get(i).id().equals(id)) {
                for (int j = i + 1; j < newestFirst.size(); j++) {
                    if (newestFirst.get(j).complete()) {
                        return newestFirst.get(j);
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** Switches the live pointer to {@code to}, or to the release before the live one; returns the new live ID. */
    public String rollback(String to) {
        try (DeployLock held = DeployLock.acquire(connection, lock, "rollback", log)) {
            String live = live();
            List<ReleaseInfo> all = releases();
            String id;
            if (to != null) {
                id = SourceVersion.validate(to, "--to");
                manifest(id);
            } else {
                if (live == null) {
                    throw new DeployException(ExitCode.BAD_INPUT, "target " + target.name()
                            + " has no live release to roll back from");
                }
                ReleaseInfo previous = before(all, live);
                if (previous == null) {
                    throw new DeployException(ExitCode.BAD_INPUT, "target " + target.name() + " has no release "
                            + "older than the live one (" + live + ") to roll back to");
                }
                id = previous.id();
            }
            switchLive(id);
            log.info("live release of " + target.name() + " is now " + id + " (was " + live + ")");
            return id;
        }
    }

    /** Deletes the oldest releases beyond the target's retention, never the live one or the one before it. */
    private void retention() {
        List<ReleaseInfo> all = releases();
        // releases() just read the pointer: a release it marks live is the live one
        String live = all.stream().filter(ReleaseInfo::live).map(ReleaseInfo::id).findFirst().orElse(null);
        ReleaseInfo previous = live == null ? null : before(all, live);
        int kept = 0;
        for (ReleaseInfo info : all) {
            boolean protectedRelease = info.id().equals(live) || previous != null && info.id().equals(previous.id());
            if (kept < target.retention() || protectedRelease) {
                kept++;
                continue;
            }
            Path path = releasePath(info.id());
            log.info("retention " + target.retention() + ": deleting release " + info.id() + " (" + info.created()
                    + ")");
            manifests.remove(info.id());
            if (snapshots()) {
                connection.call("delete snapshot " + path, () -> {
                    fs.deleteSnapshot(work, info.id());
                    return null;
                });
            } else {
                connection.call("delete " + path, () -> fs.delete(path, true));
            }
        }
    }

    /** Removes the lock whoever holds it; returns who held it, or null when the target was not locked. */
    public DeployLock.Holder unlock() {
        DeployLock.Holder holder = DeployLock.read(connection, lock);
        boolean existed = connection.call("check " + lock, () -> fs.exists(lock));
        if (existed) {
            DeployLock.delete(connection, lock);
            log.info("removed deploy lock " + lock + (holder == null ? " (empty)" : " held by " + holder.describe()));
        } else {
            log.info("target " + target.name() + " is not locked");
        }
        return existed && holder == null ? new DeployLock.Holder("?", "?", -1, "?", "?", "?") : holder;
    }

    private static String who() {
        return System.getProperty("user.name") + "@" + DeployLock.hostName();
    }

    static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000L;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
