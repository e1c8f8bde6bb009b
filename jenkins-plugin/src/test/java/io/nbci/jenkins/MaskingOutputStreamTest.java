package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class MaskingOutputStreamTest {
    private static final Secret TOKEN = Secret.of("ghp_abcdef123456", "test");

    @Test
    public void shouldMaskSecretsEvenWhenWrittenByteByByteAcrossWrites() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MaskingOutputStream out = new MaskingOutputStream(log, List.of(TOKEN));

        byte[] text = "posting with ghp_abcdef123456 now\nnbci: 401 from GitHub for token ghp_abcdef123456\ntail"
                .getBytes(StandardCharsets.UTF_8);
        out.write(text, 0, 20);
        for (int i = 20; i < 30; i++) {
            out.write(text[i]);
        }
        out.write(text, 30, text.length - 30);
        out.close();

        String written = log.toString(StandardCharsets.UTF_8);
        assertThat(written).doesNotContain(TOKEN.reveal())
                .isEqualTo("posting with **** now\nnbci: 401 from GitHub for token ****\ntail");
        assertThat(out.lastError()).isEqualTo("401 from GitHub for token ****");
    }

    @Test
    public void shouldCutVeryLongLinesWithoutLosingBytes() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MaskingOutputStream out = new MaskingOutputStream(log, List.of());
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) 'x');
        out.write(big, 0, big.length);
        out.close();

        assertThat(log.size()).isEqualTo(200_000);
        assertThat(out.lastError()).isNull();
    }

    @Test
    public void shouldKeepNonUtf8OutputReadable() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MaskingOutputStream out = new MaskingOutputStream(log, List.of(TOKEN));
        out.write(new byte[] {'a', (byte) 0xff, 'b', '\n'});
        out.close();

        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("a\uFFFDb\n");
    }
}
