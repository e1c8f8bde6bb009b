package io.nbci.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a deploy changes compared with the live release: files added, changed (other
 * content), removed, and unchanged. {@code nbci deploy --dry-run} prints exactly this.
 *
 * @param liveRelease the live release compared against, or null when the target has none
 * @param files       every file of the new release
 * @param added       paths not in the live release
 * @param changed     paths whose content differs from the live release
 * @param removed     paths of the live release that the new one drops
 * @param unchanged   paths with the same SHA-256 as in the live release
 */
public record DeployPlan(String liveRelease, List<SourceFile> files, List<String> added, List<String> changed,
        List<String> removed, List<String> unchanged) {

    public DeployPlan {
        files = List.copyOf(files);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        unchanged = List.copyOf(unchanged);
    }

    static DeployPlan of(List<SourceFile> files, Manifest live) {
        Map<String, Manifest.Entry> before = new HashMap<>();
        if (live != null) {
            live.files().forEach(e -> before.put(e.path(), e));
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SourceFile file : files) {
            seen.add(file.path());
            Manifest.Entry old = before.get(file.path());
            if (old == null) {
                added.add(file.path());
            } else if (old.sha256().equals(file.sha256())) {
                unchanged.add(file.path());
            } else {
                changed.add(file.path());
            }
        }
        List<String> removed = new ArrayList<>();
        if (live != null) {
            for (Manifest.Entry entry : live.files()) {
                if (!seen.contains(entry.path())) {
                    removed.add(entry.path());
                }
            }
        }
        return new DeployPlan(live == null ? null : live.release(), files, added, changed, removed, unchanged);
    }

    public boolean hasChanges() {
        return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
    }

    public long totalBytes() {
        return files.stream().mapToLong(SourceFile::size).sum();
    }

    /** One line: {@code 1000 files (100.0 MB): 3 added, 1 changed, 2 removed, 996 unchanged vs release abc}. */
    public String summary() {
        return files.size() + " files (" + Deployer.megabytes(totalBytes()) + "): " + added.size() + " added, "
                + changed.size() + " changed, " + removed.size() + " removed, " + unchanged.size() + " unchanged"
                + (liveRelease == null ? " (the target has no live release)" : " vs live release " + liveRelease);
    }
}
