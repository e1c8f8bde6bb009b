package io.nbci.report;

import java.util.Locale;

/** Human durations for the report: {@code 850 ms}, {@code 2.4 s}, {@code 3 min 05 s}. */
final class Durations {

    private Durations() {
    }

    static String format(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }
}
