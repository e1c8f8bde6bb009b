package io.nbci.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What HDFS holds below a root, as path to size (-1 for folders), so that a scenario can
 * report what the job wrote and remove what it created, leaving what was there before.
 * Hive's own scratch folders are left out.
 */
final class HdfsState {
    private static final List<String> IGNORED = List.of("/tmp/hive", "/tmp/hadoop-yarn", "/tmp/nbci-fixtures");

    private final String root;
    private final boolean rootExists;
    private final Map<String, Long> entries;

    private HdfsState(String root, boolean rootExists, Map<String, Long> entries) {
        this.root = root;
        this.rootExists = rootExists;
        this.entries = entries;
    }

    /**
     * Lists everything below {@code root} (only there: on an external cluster the root is the
     * scratch prefix and nothing outside it is read).
     */
    static HdfsState capture(FileSystem fs, String root) throws IOException {
        Map<String, Long> entries = new TreeMap<>();
        Path rootPath = new Path(root);
        boolean exists = fs.exists(rootPath);
        if (exists) {
            walk(fs, rootPath, entries, 0);
        }
        return new HdfsState(rootPath.toUri().getPath(), exists, entries);
    }

    private static void walk(FileSystem fs, Path folder, Map<String, Long> entries, int depth) throws IOException {
        if (depth > 64) {
            return;
        }
        for (FileStatus status : fs.listStatus(folder)) {
            String path = status.getPath().toUri().getPath();
            if (IGNORED.stream().anyMatch(path::startsWith)) {
                continue;
            }
            entries.put(path, status.isDirectory() ? -1L : status.getLen());
            if (status.isDirectory()) {
                walk(fs, status.getPath(), entries, depth + 1);
            }
        }
    }

    /** Paths present now but not in {@code before}, with sizes. */
    Map<String, Long> addedSince(HdfsState before) {
        Map<String, Long> added = new TreeMap<>();
        if (rootExists && !before.rootExists && before.root.equals(root)) {
            added.put(root, -1L);
        }
        entries.forEach((path, size) -> {
            if (!before.entries.containsKey(path)) {
                added.put(path, size);
            }
        });
        return added;
    }

    /** The outermost added paths: deleting these removes everything that was added. */
    List<String> outermostAddedSince(HdfsState before) {
        List<String> roots = new ArrayList<>();
        for (String path : addedSince(before).keySet()) {
            String last = roots.isEmpty() ? null : roots.get(roots.size() - 1);
            if (last == null || !(path.startsWith(last + "/") || "/".equals(last))) {
                roots.add(path);
            }
        }
        return roots;
    }

    /** A short listing for a failure report: at most {@code limit} lines. */
    static String listing(Map<String, Long> added, int limit) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Long> entry : added.entrySet()) {
            if (shown++ == limit) {
                text.append("... ").append(added.size() - limit).append(" more\n");
                break;
            }
            text.append(entry.getValue() < 0 ? "d " : "f ").append(entry.getKey());
            if (entry.getValue() >= 0) {
                text.append(" (").append(entry.getValue()).append(" bytes)");
            }
            text.append('\n');
        }
        return text.toString();
    }
}
