package io.nbci.bamboo.task;

import com.atlassian.bamboo.builder.BuildState;
import com.atlassian.bamboo.task.CommonTaskContext;
import com.atlassian.bamboo.task.TaskResult;
import com.atlassian.bamboo.task.TaskState;
import com.atlassian.bamboo.v2.build.CurrentResult;
import com.atlassian.bamboo.variable.VariableContext;
import com.atlassian.bamboo.variable.VariableDefinitionContext;
import io.nbci.common.Secret;
import io.nbci.launch.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place the plugin reads the running build from Bamboo's context: its variables (as
 * the {@code bamboo_*} environment the command line detects repository, commit and build link
 * from), its password variables (masked in the log), and the outcome of the tasks so far.
 */
final class BambooBuild {
    private BambooBuild() {
    }

    /**
     * The build's variables as Bamboo exports them to processes: {@code bamboo_} + the key with
     * dots replaced by underscores, e.g. {@code bamboo_planRepository_revision}.
     */
    static Map<String, String> environment(CommonTaskContext context) {
        Map<String, String> environment = new LinkedHashMap<>();
        VariableContext variables = context.getCommonContext().getVariableContext();
        if (variables == null) {
            return environment;
        }
        for (VariableDefinitionContext variable : variables.getEffectiveVariables().values()) {
            if (variable.getKey() != null && variable.getValue() != null) {
                environment.put("bamboo_" + variable.getKey().replace('.', '_'), variable.getValue());
            }
        }
        return environment;
    }

    /** The build's password variables (Bamboo masks them in its own log lines; so does nbci). */
    static List<Secret> passwordVariables(CommonTaskContext context) {
        List<Secret> secrets = new ArrayList<>();
        VariableContext variables = context.getCommonContext().getVariableContext();
        if (variables == null) {
            return secrets;
        }
        for (VariableDefinitionContext variable : variables.getPasswordVariables()) {
            if (variable.getValue() != null && !variable.getValue().isEmpty()) {
                secrets.add(Secret.of(variable.getValue(), "Bamboo variable " + variable.getKey()));
            }
        }
        return secrets;
    }

    /**
     * A working-directory-relative path as Bamboo's test collation wants it: relative to the
     * build's root directory (they differ when the task has a working subdirectory).
     */
    static String relativeToRoot(CommonTaskContext context, String workingDirectoryPath) {
        Path root = context.getRootDirectory().toPath().toAbsolutePath().normalize();
        Path path = context.getWorkingDirectory().toPath().toAbsolutePath().resolve(workingDirectoryPath).normalize();
        return path.startsWith(root) ? root.relativize(path).toString().replace('\\', '/') : workingDirectoryPath;
    }

    /**
     * The result of the tasks that ran before this one, in the core's terms: {@code FAILURE}
     * when the build already failed or any earlier task failed or errored, else {@code SUCCESS}.
     */
    static Outcome.Result resultSoFar(CommonTaskContext context) {
        CurrentResult result = context.getCommonContext().getCurrentResult();
        if (result.getBuildState() == BuildState.FAILED) {
            return Outcome.Result.FAILURE;
        }
        for (TaskResult task : result.getTaskResults()) {
            if (task.getTaskState() != TaskState.SUCCESS) {
                return Outcome.Result.FAILURE;
            }
        }
        return Outcome.Result.SUCCESS;
    }
}
