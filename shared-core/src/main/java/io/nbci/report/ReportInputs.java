package io.nbci.report;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import io.nbci.results.Artifact;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.results.SuiteResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads several results files (e.g. of parallel CI stages) into one {@link RunResults}
 * for one report. Artifact paths in each file are relative to that file's folder; they
 * are rewritten relative to {@code base} (the report's folder), so the merged results
 * point at the same files.
 */
public final class ReportInputs {

    private ReportInputs() {
    }

    public static RunResults read(List<Path> files, Path base) {
        if (files.isEmpty()) {
            throw new NbciException(ExitCode.BAD_INPUT, "no results file given: expected one or more results JSON files");
        }
        Path absoluteBase = base.toAbsolutePath().normalize();
        Set<String> commands = new LinkedHashSet<>();
        List<SuiteResult> suites = new ArrayList<>();
        Instant started = null;
        long duration = 0;
        ExitCode exitCode = ExitCode.OK;
        for (Path file : files) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new NbciException(ExitCode.BAD_INPUT, "results file not found: " + file
                        + " (expected a results JSON file written by nbci run, test or deploy)");
            }
            RunResults results = ResultsFile.read(file);
            Path folder = file.toAbsolutePath().normalize().getParent();
            commands.add(results.command());
            if (results.started() != null && (started == null || results.started().isBefore(started))) {
                started = results.started();
            }
            duration = Math.max(duration, results.durationMillis());
            exitCode = exitCode.worst(results.exitCode());
            for (SuiteResult suite : results.suites()) {
                suites.add(rebase(suite, folder, absoluteBase));
            }
        }
        return RunResults.of(String.join("+", commands), started, duration, exitCode, suites);
    }

    private static SuiteResult rebase(SuiteResult suite, Path from, Path to) {
        List<Artifact> artifacts = new ArrayList<>();
        for (Artifact artifact : suite.artifacts()) {
            artifacts.add(new Artifact(artifact.kind(), rebase(artifact.path(), from, to), artifact.description()));
        }
        return new SuiteResult(suite.name(), suite.kind(), suite.source(), suite.durationMillis(), suite.cases(),
                artifacts, suite.metrics(), suite.properties());
    }

    static String rebase(String path, Path from, Path to) {
        if (path == null) {
            return null;
        }
        Path p = Path.of(path);
        Path absolute = p.isAbsolute() ? p.normalize() : from.resolve(p).normalize();
        try {
            return to.relativize(absolute).toString();
        } catch (IllegalArgumentException e) {
            return absolute.toString();
        }
    }
}
