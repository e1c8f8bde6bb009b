package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.localcluster.RuntimeClasspath;
import io.nbci.localcluster.RuntimeResolver;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbci cluster fetch}: resolves the cluster runtime into the Maven local repository ahead of use (air-gapped agents). */
@Command(name = "fetch", mixinStandardHelpOptions = true, description = {
    "Download the cluster runtime (Hive, Hadoop) into the Maven local repository and cache its classpath,",
    "using the mirrors, credentials and proxies of your Maven settings."})
public final class ClusterFetchCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Option(names = "--settings", paramLabel = "FILE", description = "Maven settings file (default: ~/.m2/settings.xml).")
    Path settings;

    @Option(names = "--offline", description = "Only use the local repository (checks that everything is there).")
    boolean offline;

    @Override
    public Integer call() {
        Path file = settings != null ? settings
                : Path.of(System.getProperty("nbci.maven.settings", System.getProperty("user.home") + "/.m2/settings.xml"));
        RuntimeResolver resolver = RuntimeResolver.fromSettings(file, offline, options.log());
        RuntimeClasspath.fetch(resolver, options.log());
        return ExitCode.OK.code();
    }
}
