package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HashCacheTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path cacheDir;
    private Path source;

    @Before
    public void setUp() throws IOException {
        cacheDir = temp.newFolder("cache").toPath();
        source = temp.newFolder("src").toPath();
        System.setProperty("nbci.deploy.hashCacheDir", cacheDir.toString());
    }

    @After
    public void tearDown() {
        System.clearProperty("nbci.deploy.hashCacheDir");
    }

    private Path writeOld(String name, String text) throws IOException {
        Path file = source.resolve(name);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        return file;
    }

    private SourceFile scan(String name) {
        return new SourceScanner(List.of(), List.of()).withHashCache(true).scan(source).stream()
                .filter(f -> f.path().equals(name)).findFirst().orElseThrow();
    }

    private Path cacheFile() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.findFirst().orElseThrow();
        }
    }

    @Test
    public void shouldTrustTheCacheForAnUntouchedFile() throws IOException {
        writeOld("a.py", "print(1)\n");
        String real = scan("a.py").sha256();
        // prove the cache is what answers: plant a different checksum under the same stat
        Path cache = cacheFile();
        Files.writeString(cache, Files.readString(cache).replace(real, "f".repeat(64)));

        assertThat(scan("a.py").sha256()).isEqualTo("f".repeat(64));
    }

    @Test
    public void shouldRehashAFileRewrittenWithTheSameSizeAndModificationTime() throws IOException {
        Path file = writeOld("a.py", "print(1)\n");
        FileTime mtime = Files.getLastModifiedTime(file);
        String first = scan("a.py").sha256();

        Files.writeString(file, "print(2)\n");
        Files.setLastModifiedTime(file, mtime);   // a tool that preserves times; the change time still moves

        assertThat(scan("a.py").sha256()).isNotEqualTo(first)
                .isEqualTo(SourceScanner.hash("a.py", file).sha256());
    }

    @Test
    public void shouldNeverCacheAFileModifiedJustBeforeTheScan() throws IOException {
        Files.writeString(source.resolve("fresh.py"), "print(1)\n");
        scan("fresh.py");

        assertThat(Files.readString(cacheFile())).doesNotContain("fresh.py");
    }
}
