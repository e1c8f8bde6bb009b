package io.nbci.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.nbci.common.Secret;
import io.nbci.launch.CommitStatusConfig;
import io.nbci.launch.GateConfig;
import io.nbci.launch.Outcome;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import java.io.IOException;
import java.io.Serializable;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The PR gate around a block of a pipeline: posts {@code pending} before the block, and the
 * final state when it ends, also when it fails or is aborted (the mapping from build result
 * to commit state is the core's, {@link GateConfig#finish}). Must run inside {@code node}.
 *
 * <pre>
 * node {
 *   nbciGate(provider: 'github', context: 'nbci/notebooks', credentialsId: 'github-token') {
 *     nbciRunNotebooks input: 'notebooks'
 *   }
 * }
 * </pre>
 */
public final class GateStep extends Step {
    private final String provider;
    private final String context;
    private final String credentialsId;
    private String url;
    private String sha;
    private String repository;
    private String apiUrl;

    @DataBoundConstructor
    public GateStep(String provider, String context, String credentialsId) {
        this.provider = provider;
        this.context = context;
        this.credentialsId = credentialsId;
    }

    @Override
    public StepExecution start(StepContext stepContext) {
        return new Execution(stepContext, fields());
    }

    Fields fields() {
        return new Fields(provider, context, credentialsId, url, sha, repository, apiUrl);
    }

    /** The step's fields as the execution keeps them (serializable; the token is looked up when needed). */
    record Fields(String provider, String context, String credentialsId, String url, String sha, String repository,
            String apiUrl) implements Serializable {

        /** The one translation: fields, token and the build's environment (BUILD_URL) to the core config. */
        GateConfig toConfig(Secret token, EnvVars env) {
            return GateConfig.builder().provider(provider).context(context)
                    .url(url != null ? url : env == null ? null : env.get("BUILD_URL")).sha(sha)
                    .repository(repository).apiUrl(apiUrl).token(token).build();
        }
    }

    public String getProvider() {
        return provider;
    }

    public String getContext() {
        return context;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = NbciBuilder.blankToNull(url);
    }

    public String getSha() {
        return sha;
    }

    @DataBoundSetter
    public void setSha(String sha) {
        this.sha = NbciBuilder.blankToNull(sha);
    }

    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = NbciBuilder.blankToNull(repository);
    }

    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = NbciBuilder.blankToNull(apiUrl);
    }

    /** Posts pending, runs the body, posts the final state; background threads only, never the CPS VM thread. */
    static final class Execution extends GeneralNonBlockingStepExecution {
        private static final long serialVersionUID = 1L;

        private final Fields fields;
        private volatile boolean stopped;

        Execution(StepContext context, Fields fields) {
            super(context);
            this.fields = fields;
        }

        @Override
        public boolean start() {
            run(() -> {
                post(getContext(), null);
                getContext().newBodyInvoker().withCallback(new Finish()).start();
            });
            return false;
        }

        @Override
        public void stop(Throwable cause) throws Exception {
            stopped = true;
            super.stop(cause);
        }

        /** Posts pending ({@code result} null) or the final state for {@code result}; fails loudly if it cannot. */
        private void post(StepContext context, Outcome.Result result) throws Exception {
            Run<?, ?> run = context.get(Run.class);
            FilePath workspace = context.get(FilePath.class);
            EnvVars env = context.get(EnvVars.class);
            TaskListener listener = context.get(TaskListener.class);
            JenkinsHost host = JenkinsHost.jenkins();
            GateConfig gate = fields.toConfig(host.secretText(fields.credentialsId(), run), env);
            CommitStatusConfig status = result == null ? gate.pending() : gate.finish(result, summary(workspace));
            Outcome outcome = new NbciProcess(host).run(status.toInvocation(), null, workspace, env,
                    context.get(Launcher.class), listener);
            if (!outcome.result().isUsable()) {
                throw new AbortException(outcome.message());
            }
        }

        private void afterBody(Block block) {
            if (stopped) {
                // the step itself was stopped: still post the final state, best effort, off the CPS thread
                Thread thread = new Thread(() -> {
                    try {
                        block.run();
                    } catch (Exception e) {
                        // the build is already over; nothing left to fail
                    }
                }, "nbciGate final status");
                thread.setDaemon(true);
                thread.start();
            } else {
                run(block);
            }
        }

        private final class Finish extends BodyExecutionCallback {
            private static final long serialVersionUID = 1L;

            @Override
            public void onSuccess(StepContext context, Object result) {
                afterBody(() -> {
                    post(context, BuildResults.fromJenkins(context.get(Run.class).getResult()));
                    context.onSuccess(result);
                });
            }

            @Override
            public void onFailure(StepContext context, Throwable failure) {
                afterBody(() -> {
                    try {
                        post(context, resultOf(failure));
                    } catch (Exception e) {
                        failure.addSuppressed(e);
                    }
                    context.onFailure(failure);
                });
            }
        }
    }

    /** The host-neutral result of a block that ended with {@code failure}. */
    static Outcome.Result resultOf(Throwable failure) {
        if (failure instanceof FlowInterruptedException) {
            return BuildResults.fromJenkins(((FlowInterruptedException) failure).getResult());
        }
        return Outcome.Result.FAILURE;
    }

    /** One line of test counts from the results files the steps wrote ({@link GateConfig#RESULTS_GLOB}), or null. */
    static String summary(FilePath workspace) {
        try {
            RunResults all = null;
            for (FilePath file : workspace.list(GateConfig.RESULTS_GLOB)) {
                RunResults results = ResultsFile.fromJson(file.readToString(), file.getName());
                all = all == null ? results : all.merge(results);
            }
            return all == null || all.total() == 0 ? null : all.summary();
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    /** Form, help and validation of the step. */
    @Extension
    @Symbol("nbciGate")
    public static final class DescriptorImpl extends StepDescriptor {
        private transient JenkinsHost host;

        public DescriptorImpl() {
        }

        DescriptorImpl(JenkinsHost host) {
            this.host = host;
        }

        private JenkinsHost host() {
            return host != null ? host : JenkinsHost.jenkins();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, Launcher.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "nbciGate";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Wrap a block in the nbci PR gate (pending, then the final commit status)";
        }

        public ListBoxModel doFillProviderItems() {
            return StatusForms.providers();
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StatusForms.credentialsIdItems(host(), item, credentialsId);
        }

        @POST
        public FormValidation doCheckContext(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkContext(host(), item, value);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkCredentialsId(host(), item, value);
        }

        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkWebUrl(host(), item, value);
        }

        @POST
        public FormValidation doCheckSha(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkSha(host(), item, value);
        }

        @POST
        public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkRepository(host(), item, value);
        }

        @POST
        public FormValidation doCheckApiUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return StatusForms.checkWebUrl(host(), item, value);
        }
    }
}
