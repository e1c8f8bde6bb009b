package io.nbci.cli;

import java.nio.file.Path;

/** How the command line shows paths: relative to the working directory when below it. */
final class Display {
    private Display() {
    }

    static String path(Path path) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(cwd) && !absolute.equals(cwd)) {
            return cwd.relativize(absolute).toString();
        }
        return absolute.toString();
    }
}
