package io.nbci.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.nbci.launch.Collect;
import io.nbci.launch.GeneratedFile;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.Outcome;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one {@link NbciInvocation} on the build's agent: writes the files it needs, copies
 * the shipped command line there, starts {@code java -jar nbci.jar ...} through the
 * build's {@link Launcher} (so Hadoop, Hive and Jupyter never load in the controller),
 * streams masked output into the build log, hands JUnit XML, results and executed
 * notebooks to Jenkins, and returns the core's {@link Outcome} for the exit code.
 */
final class NbciProcess {
    private final JenkinsHost host;

    NbciProcess(JenkinsHost host) {
        this.host = host;
    }

    /** Where the plugin keeps its scratch files for a workspace (never inside the workspace itself). */
    static FilePath scratch(FilePath workspace) {
        FilePath temp = WorkspaceList.tempDir(workspace);
        return (temp != null ? temp : workspace.child(".nbci-tmp")).child("nbci");
    }

    Outcome run(NbciInvocation invocation, Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher,
            TaskListener listener) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        log.println("[nbci] " + invocation.display());
        for (GeneratedFile file : invocation.files()) {
            FilePath target = workspace.child(file.path());
            FilePath parent = target.getParent();
            if (parent != null) {
                parent.mkdirs();
            }
            target.write(file.content(), "UTF-8");
        }
        FilePath jar;
        try {
            jar = AgentJar.install(scratch(workspace));
        } catch (IOException e) {
            return report(log, Outcome.launchFailed(invocation.command(), e.getMessage()));
        }
        String java = AgentJava.command(host.globalConfiguration().getJavaCommand(), env.get("JAVA_HOME"),
                launcher.isUnix());
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.putAll(invocation.environmentForProcess());
        MaskingOutputStream out = new MaskingOutputStream(log, invocation.secrets());
        Proc proc;
        try {
            proc = launcher.launch().cmds(invocation.commandLine(java, jar.getRemote())).envs(environment)
                    .pwd(workspace).stdout(out).quiet(true).start();
        } catch (IOException e) {
            return report(log, Outcome.launchFailed(invocation.command(), java + ": " + e.getMessage()));
        }
        int code;
        try {
            code = proc.join();
        } catch (InterruptedException e) {
            proc.kill();
            out.close();
            report(log, Outcome.aborted(invocation.command()));
            throw e;
        }
        out.close();
        Outcome outcome = invocation.outcome(code).withDetail(out.lastError())
                .withSummary(readResults(invocation, workspace, log));
        if (run != null && !invocation.collect().isEmpty()) {
            publish(invocation, run, workspace, env, launcher, listener);
        }
        return report(log, outcome);
    }

    /**
     * Marks the build from the outcome: unstable in place (through {@code markBuild}, normally
     * {@code run::setResult}), anything worse stops the step with the outcome's message.
     */
    static void apply(Outcome outcome, Consumer<Result> markBuild) throws AbortException {
        Result result = BuildResults.toJenkins(outcome.result());
        if (result == Result.SUCCESS) {
            return;
        }
        if (result == Result.UNSTABLE) {
            markBuild.accept(Result.UNSTABLE);
            return;
        }
        throw new AbortException(outcome.message());
    }

    private static Outcome report(PrintStream log, Outcome outcome) {
        log.println("[nbci] " + outcome.message());
        return outcome;
    }

    private static RunResults readResults(NbciInvocation invocation, FilePath workspace, PrintStream log)
            throws InterruptedException {
        RunResults all = null;
        for (String path : invocation.collect(Collect.Kind.RESULTS)) {
            try {
                FilePath file = workspace.child(path);
                if (file.exists()) {
                    RunResults results = ResultsFile.fromJson(file.readToString(), path);
                    all = all == null ? results : all.merge(results);
                }
            } catch (IOException | RuntimeException e) {
                log.println("[nbci] cannot read " + path + " for the summary: " + e.getMessage());
            }
        }
        return all;
    }

    private void publish(NbciInvocation invocation, Run<?, ?> run, FilePath workspace, EnvVars env,
            Launcher launcher, TaskListener listener) throws IOException, InterruptedException {
        List<String> archive = new ArrayList<>();
        List<String> junit = invocation.collect(Collect.Kind.JUNIT);
        if (!junit.isEmpty()) {
            if (host.isPluginActive("junit")) {
                JUnitPublishing.publish(String.join(",", junit), run, workspace, env, launcher, listener);
            } else {
                listener.getLogger().println("[nbci] the JUnit plugin is not installed: archiving the JUnit XML");
                archive.addAll(junit);
            }
        }
        archive.addAll(invocation.collect(Collect.Kind.RESULTS));
        archive.addAll(invocation.collect(Collect.Kind.NOTEBOOK));
        archive.addAll(invocation.collect(Collect.Kind.REPORT));
        if (!archive.isEmpty()) {
            hudson.tasks.ArtifactArchiver archiver = new hudson.tasks.ArtifactArchiver(String.join(",", archive));
            archiver.setAllowEmptyArchive(true);
            archiver.perform(run, workspace, env, launcher, listener);
        }
    }
}
