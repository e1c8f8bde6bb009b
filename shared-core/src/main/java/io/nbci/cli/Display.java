package io.nbci.cli;

import java.nio.file.Path;

/** How the command line shows paths: relative to the working directory when below it. */
final class Display {
    private Display() {
    }

    /** Where to look for nbci.yaml: from the first path given (its folder for a file), else the working directory. */
    static Path startOf(java.util.List<Path> paths) {
        if (paths.isEmpty()) {
            return Path.of("");
        }
        Path first = paths.get(0).toAbsolutePath().normalize();
        return java.nio.file.Files.isDirectory(first) || first.getParent() == null ? first : first.getParent();
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
