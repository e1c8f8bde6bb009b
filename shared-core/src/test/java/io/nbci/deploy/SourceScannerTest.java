package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SourceScannerTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> paths(List<SourceFile> files) {
        return files.stream().map(SourceFile::path).toList();
    }

    @Test
    public void shouldSelectByIncludeAndExcludeGlobsAndSkipGit() throws IOException {
        Path root = temp.newFolder("src").toPath();
        write(root, "main.py", "a");
        write(root, "jobs/score.py", "b");
        write(root, "jobs/score.ipynb", "c");
        write(root, "tests/test_score.py", "d");
        write(root, "notes.txt", "e");
        write(root, ".git/config", "f");

        List<SourceFile> files = new SourceScanner(List.of("**/*.py", "**/*.ipynb"), List.of("tests/**"))
                .scan(root);

        assertThat(paths(files)).containsExactly("jobs/score.ipynb", "jobs/score.py", "main.py");
        assertThat(paths(new SourceScanner(List.of(), List.of()).scan(root)))
                .containsExactly("jobs/score.ipynb", "jobs/score.py", "main.py", "notes.txt", "tests/test_score.py");
    }

    @Test
    public void shouldHashWithSha256AndCrc32c() throws IOException {
        Path root = temp.newFolder("src").toPath();
        write(root, "a.txt", "123456789");

        SourceFile file = new SourceScanner(List.of(), List.of()).scan(root).get(0);

        assertThat(file.size()).isEqualTo(9);
        assertThat(file.sha256()).isEqualTo("15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225");
        assertThat(file.crc32c()).isEqualTo("e3069283");  // the CRC-32C check value
    }

    @Test
    public void shouldFollowSymlinksInsideButRefuseSymlinksOutside() throws IOException {
        Path root = temp.newFolder("src").toPath();
        Path real = write(root, "lib/util.py", "x");
        Files.createSymbolicLink(root.resolve("util_link.py"), real);
        assertThat(paths(new SourceScanner(List.of(), List.of()).scan(root)))
                .containsExactly("lib/util.py", "util_link.py");

        Path outside = temp.newFolder("outside").toPath();
        write(outside, "id_rsa", "secret");
        Files.createSymbolicLink(root.resolve("keys"), outside);

        assertThatThrownBy(() -> new SourceScanner(List.of(), List.of()).scan(root))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("keys is a symbolic link to")
                .hasMessageContaining("outside the source folder")
                .satisfies(e -> assertThat(((DeployException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    public void shouldRefuseTheReservedManifestNameAndMissingFolders() throws IOException {
        Path root = temp.newFolder("src").toPath();
        write(root, Manifest.FILE_NAME, "{}");
        assertThatThrownBy(() -> new SourceScanner(List.of(), List.of()).scan(root))
                .hasMessageContaining("reserves for the release manifest");
        assertThatThrownBy(() -> new SourceScanner(List.of(), List.of()).scan(root.resolve("missing")))
                .hasMessageContaining("does not exist or is not a folder");
    }

    @Test
    public void shouldRejectReleaseIdsThatCouldLeaveTheBase() {
        assertThat(SourceVersion.validate("2026.11.23-1_rc", "--version")).isEqualTo("2026.11.23-1_rc");
        for (String bad : new String[] {"../x", "a/b", "..", ".hidden", "", "a..b", "x y"}) {
            assertThatThrownBy(() -> SourceVersion.validate(bad, "--version")).as(bad)
                    .isInstanceOf(DeployException.class).hasMessageContaining("--version");
        }
    }
}
