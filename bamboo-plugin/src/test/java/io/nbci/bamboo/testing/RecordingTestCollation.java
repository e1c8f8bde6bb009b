package io.nbci.bamboo.testing;

import com.atlassian.bamboo.build.test.TestCollationService;
import com.atlassian.bamboo.task.TaskContext;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a task hands to Bamboo's test collation, and whether the file was there then.
 * Like Bamboo's, it resolves patterns against the build's root directory.
 */
public final class RecordingTestCollation implements TestCollationService {
    private final List<String> patterns = new ArrayList<>();
    private final List<Boolean> existed = new ArrayList<>();

    @Override
    public void collateTestResults(TaskContext taskContext, String filePattern) {
        patterns.add(filePattern);
        existed.add(Files.isRegularFile(taskContext.getRootDirectory().toPath().resolve(filePattern)));
    }

    public List<String> patterns() {
        return List.copyOf(patterns);
    }

    public List<Boolean> existed() {
        return List.copyOf(existed);
    }
}
