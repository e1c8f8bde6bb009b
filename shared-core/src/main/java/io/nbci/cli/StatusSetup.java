package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.NbciException;
import io.nbci.common.Secret;
import io.nbci.status.BuildSource;
import io.nbci.status.CommitStatus;
import io.nbci.status.JdkHttpTransport;
import io.nbci.status.RetryPolicy;
import io.nbci.status.SourceDetector;
import io.nbci.status.StatusException;
import io.nbci.status.StatusProvider;
import io.nbci.status.StatusProviders;
import io.nbci.status.StatusPublisher;
import io.nbci.status.StatusState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Translates {@link StatusTargetOptions} plus the environment into a publisher and a status (no decisions). */
final class StatusSetup {
    final StatusPublisher publisher;
    final CommitStatus status;

    private StatusSetup(StatusPublisher publisher, CommitStatus status) {
        this.publisher = publisher;
        this.status = status;
    }

    static StatusSetup prepare(StatusTargetOptions options, StatusState state, String description, LogSink log,
            Map<String, String> env, Path workingDirectory) {
        if (options.tokenOnCommandLine != null) {
            throw new StatusException(ExitCode.BAD_INPUT, "--token is not accepted: a token on the command line ends "
                    + "up in shell history, process lists and CI logs; put it in an environment variable "
                    + "(--token-env VAR) or a file (--token-file FILE)");
        }
        if (options.tokenEnv != null && options.tokenFile != null) {
            throw new StatusException(ExitCode.BAD_INPUT, "give either --token-env or --token-file, not both");
        }
        StatusProvider provider = StatusProviders.withServiceLoader(StatusSetup.class.getClassLoader())
                .get(options.provider);
        Secret token = token(options, provider, env);
        BuildSource source = new SourceDetector(env, workingDirectory, log)
                .detect(provider, options.repo, options.sha, options.ref, options.url);
        if (source.repository() == null) {
            throw new StatusException(ExitCode.BAD_INPUT, "cannot tell which " + provider.displayName()
                    + " repository to report on: pass --repo " + provider.repositoryFormat()
                    + (source.remote() == null ? " (no GIT_URL, no bamboo_planRepository_repositoryUrl and no git remote "
                            + "origin found)" : " (the clone URL " + source.remote() + " does not have that shape)"));
        }
        if (source.sha() == null) {
            throw new StatusException(ExitCode.BAD_INPUT, "cannot tell which commit to report on: pass --sha (no "
                    + "GIT_COMMIT, no bamboo_planRepository_revision and no git repository in " + workingDirectory + ")");
        }
        URI baseUrl;
        if (options.baseUrl != null) {
            try {
                baseUrl = URI.create(options.baseUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new StatusException(ExitCode.BAD_INPUT, "--base-url: not a URL: " + options.baseUrl);
            }
        } else {
            baseUrl = source.remoteUrl().flatMap(provider::baseUrlFromRemote)
                    .or(provider::defaultBaseUrl).orElse(null);
        }
        if (options.retryForSeconds < 0) {
            throw new StatusException(ExitCode.BAD_INPUT, "--retry-for: expected seconds >= 0, found "
                    + options.retryForSeconds);
        }
        log.info(provider.displayName() + " repository " + source.repository() + " (from " + source.repositoryOrigin()
                + "), commit " + source.sha() + " (from " + source.shaOrigin() + "), token from " + token.origin());
        StatusPublisher publisher = StatusPublisher.builder()
                .provider(provider)
                .baseUrl(baseUrl)
                .token(token)
                .transport(JdkHttpTransport.withDefaults())
                .retryPolicy(RetryPolicy.defaults().withTotalBudget(Duration.ofSeconds(options.retryForSeconds)))
                .log(log)
                .build();
        CommitStatus status = CommitStatus.builder()
                .repository(source.repository())
                .sha(source.sha())
                .state(state)
                .context(options.context)
                .targetUrl(source.buildUrl())
                .description(description)
                .ref(source.ref())
                .buildNumber(source.buildNumber())
                .build();
        return new StatusSetup(publisher, status);
    }

    private static Secret token(StatusTargetOptions options, StatusProvider provider, Map<String, String> env) {
        if (options.tokenFile != null) {
            return Secret.fromFile(options.tokenFile);
        }
        String variable = options.tokenEnv != null ? options.tokenEnv : provider.defaultTokenVariable();
        try {
            return Secret.fromEnvironment(env, variable);
        } catch (NbciException e) {
            throw new StatusException(ExitCode.BAD_INPUT, e.getMessage() + " (" + provider.displayName()
                    + " statuses need a token: set " + variable + ", or pass --token-env VAR or --token-file FILE)");
        }
    }
}
