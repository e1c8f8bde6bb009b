package io.nbci.status;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.NbciException;
import io.nbci.report.JUnitXmlReader;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.results.SuiteResult;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the test results a wrapped command left behind and merges them into one
 * {@link RunResults}: nbci results files (JSON, read with {@link ResultsFile}) and JUnit XML
 * files (read with {@link JUnitXmlReader}) under the working directory that match the globs
 * and were written since the command started (older files belong to an earlier build).
 * A JUnit suite already present in an nbci results file is not counted twice.
 */
public final class TestReports {
    /** Where Maven, Gradle, pytest, nbci and most tools write JUnit XML. */
    public static final List<String> DEFAULT_JUNIT_GLOBS = List.of("**/surefire-reports/TEST-*.xml",
            "**/failsafe-reports/TEST-*.xml", "**/test-results/**/*.xml", "**/junit*.xml", "**/*-junit.xml",
            "**/TEST-*.xml");
    /** The names nbci results files are given (other tools' {@code results.json} files are skipped). */
    public static final List<String> DEFAULT_RESULTS_GLOBS = List.of("**/results.json", "**/nbci-results.json",
            "**/*.nbci-results.json");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", ".ipynb_checkpoints",
            "__pycache__");

    private final List<String> junitGlobs;
    private final List<String> resultsGlobs;
    private final LogSink log;

    public TestReports(List<String> junitGlobs, List<String> resultsGlobs, LogSink log) {
        this.junitGlobs = List.copyOf(junitGlobs);
        this.resultsGlobs = List.copyOf(resultsGlobs);
        this.log = log;
    }

    /**
     * The results written under {@code root} at or after {@code since}; a {@link RunResults}
     * with no suites when there are none. Files that cannot be parsed are reported and skipped.
     */
    public RunResults collect(Path root, Instant since, String command) {
        List<Path> resultsFiles = find(root, resultsGlobs, since);
        List<Path> junitFiles = find(root, junitGlobs, since);
        List<SuiteResult> suites = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : resultsFiles) {
            try {
                for (SuiteResult suite : ResultsFile.read(file).suites()) {
                    suites.add(suite);
                    names.add(suite.name());
                }
            } catch (NbciException e) {
                // results.json is a common name: another tool's file is not an error
                log.debug("skipping " + file + ": " + e.getMessage());
            }
        }
        for (Path file : junitFiles) {
            if (resultsFiles.contains(file)) {
                continue;
            }
            try {
                for (SuiteResult suite : JUnitXmlReader.read(file)) {
                    if (names.add(suite.name())) {
                        suites.add(suite);
                    }
                }
            } catch (NbciException e) {
                log.warn("skipping " + file + ": " + e.getMessage());
            }
        }
        log.debug("test reports: " + resultsFiles.size() + " nbci results files, " + junitFiles.size()
                + " JUnit XML files");
        return RunResults.of(command, since, 0, ExitCode.OK, suites);
    }

    private List<Path> find(Path root, List<String> globs, Instant since) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        // file systems keep modification times at a coarser grain than Instant.now()
        Instant notBefore = since.minusSeconds(2);
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), 24, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path relative = root.relativize(file);
                    if (attrs.isRegularFile() && matchers.stream().anyMatch(m -> m.matches(relative))) {
                        if (attrs.lastModifiedTime().toInstant().isBefore(notBefore)) {
                            log.debug("ignoring " + relative + ": written before the command started");
                        } else {
                            found.add(file);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("cannot search " + root + " for test reports: " + e.getMessage());
        }
        found.sort(null);
        return found;
    }
}
