package io.nbci.deploy;

import io.nbci.common.ExitCode;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a deploy did, for the log, the results file and the exit code.
 *
 * @param target         target name
 * @param release        the release ID deployed
 * @param releasePath    full path of the release folder
 * @param previousLive   the release that was live before, or null
 * @param plan           added / changed / removed against the previous live release
 * @param dryRun         true when nothing was written
 * @param uploaded       files uploaded from the source folder
 * @param reused         files copied inside the target from an earlier release with the same SHA-256
 * @param bytesUploaded  bytes uploaded
 * @param bytesReused    bytes copied inside the target
 * @param mismatches     files whose verification failed ({@code path: expected ..., found ...}); empty on success
 * @param steps          wall time of each step in milliseconds, in order
 * @param exitCode       {@link ExitCode#OK} or {@link ExitCode#FAILED} (verification failed)
 */
public record DeployOutcome(String target, String release, String releasePath, String previousLive,
        DeployPlan plan, boolean dryRun, int uploaded, int reused, long bytesUploaded, long bytesReused,
        List<String> mismatches, Map<String, Long> steps, ExitCode exitCode) {

    public DeployOutcome {
        mismatches = List.copyOf(mismatches);
        steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    /** The results-model view: one DEPLOY suite, one case per step. */
    public SuiteResult toSuite(String source) {
        List<CaseResult> cases = new ArrayList<>();
        String className = "deploy." + target;
        for (Map.Entry<String, Long> step : steps.entrySet()) {
            if (step.getKey().equals("verify") && !mismatches.isEmpty()) {
                cases.add(new CaseResult("verify", className, Status.FAILED, step.getValue(),
                        new Failure("checksum-mismatch", mismatches.size() + " file(s) differ after upload",
                                String.join("\n", mismatches), null, null, null),
                        null, null, List.of()));
            } else {
                cases.add(CaseResult.passed(step.getKey(), className, step.getValue()));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("target", target);
        properties.put("release", release);
        if (releasePath != null) {
            properties.put("releasePath", releasePath);
        }
        if (previousLive != null) {
            properties.put("previousLive", previousLive);
        }
        properties.put("dryRun", Boolean.toString(dryRun));
        properties.put("files", Integer.toString(plan.files().size()));
        properties.put("added", Integer.toString(plan.added().size()));
        properties.put("changed", Integer.toString(plan.changed().size()));
        properties.put("removed", Integer.toString(plan.removed().size()));
        properties.put("uploaded", Integer.toString(uploaded));
        properties.put("reused", Integer.toString(reused));
        properties.put("bytesUploaded", Long.toString(bytesUploaded));
        properties.put("bytesReused", Long.toString(bytesReused));
        long total = steps.values().stream().mapToLong(Long::longValue).sum();
        return new SuiteResult("deploy " + target, SuiteResult.Kind.DEPLOY, source, total, cases, List.of(),
                List.of(), properties);
    }
}
