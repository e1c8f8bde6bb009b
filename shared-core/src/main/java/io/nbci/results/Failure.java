package io.nbci.results;

/**
 * Why a case failed: a cell that raised (cell index, exception type, traceback), an
 * assertion (expected vs actual), a timeout or an infrastructure error.
 *
 * @param type      exception or assertion kind, e.g. {@code ZeroDivisionError}, {@code hive-query}, {@code timeout}
 * @param message   one line for a summary
 * @param detail    the long form: traceback, row diff, log excerpt (plain text, no ANSI colour)
 * @param cellIndex index of the failing cell in the notebook, or null
 * @param expected  what was expected, for assertions, or null
 * @param actual    what was found, for assertions, or null
 */
public record Failure(String type, String message, String detail, Integer cellIndex, String expected, String actual) {

    public static Failure of(String type, String message) {
        return new Failure(type, message, null, null, null, null);
    }

    public static Failure assertion(String type, String message, String expected, String actual) {
        return new Failure(type, message, null, null, expected, actual);
    }
}
