package io.nbci.results;

/**
 * A file a run produced that a reviewer may want: an executed notebook, a job log, a
 * report. Paths are relative to the results file's folder where possible.
 *
 * @param kind        {@code notebook}, {@code log}, {@code junit}, {@code report}, {@code listing}, ...
 * @param path        where the file is
 * @param description what it is, for the report
 */
public record Artifact(String kind, String path, String description) {
}
