package io.nbci.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nbci.common.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec(Secret.of("key", "test"));

    @Test
    public void shouldSignWithHmacSha256AsTheSpecDefines() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), the RFC 4231-style reference value
        assertThat(codec.sign("The quick brown fox ".getBytes(StandardCharsets.UTF_8),
                "jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    public void shouldRoundTripASignedMessageWithIdentities() {
        ObjectNode header = codec.header("execute_request");
        ObjectNode content = new ObjectMapper().createObjectNode().put("code", "print('\u00e9')");
        List<byte[]> frames = new ArrayList<>();
        frames.add("identity".getBytes(StandardCharsets.UTF_8));
        frames.addAll(Arrays.asList(codec.encode(header, null, content)));
        Message message = codec.decode(frames);
        assertThat(message.type()).isEqualTo("execute_request");
        assertThat(message.header().path("version").asText()).isEqualTo("5.3");
        assertThat(message.header().path("session").asText()).isEqualTo(codec.session());
        assertThat(message.content().path("code").asText()).isEqualTo("print('\u00e9')");
    }

    @Test
    public void shouldRejectAMessageSignedWithAnotherKey() {
        MessageCodec other = new MessageCodec(Secret.of("other", "test"));
        byte[][] frames = other.encode(other.header("status"), null, new ObjectMapper().createObjectNode());
        assertThatThrownBy(() -> codec.decode(Arrays.asList(frames)))
                .isInstanceOf(MessageCodec.SignatureException.class).hasMessageContaining("signature");
    }

    @Test
    public void shouldRejectATamperedContentFrame() {
        byte[][] frames = codec.encode(codec.header("status"), null, new ObjectMapper().createObjectNode().put("a", 1));
        frames[5] = "{\"a\": 2}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(Arrays.asList(frames))).isInstanceOf(MessageCodec.SignatureException.class);
    }

    @Test
    public void shouldReplaceBytesThatAreNotUtf8() {
        byte[][] frames = codec.encode(codec.header("stream"), null, new ObjectMapper().createObjectNode());
        byte[] content = new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xff, '"', '}'};
        frames[5] = content;
        frames[1] = codec.sign(frames[2], frames[3], frames[4], frames[5]).getBytes(StandardCharsets.US_ASCII);
        assertThat(codec.decode(Arrays.asList(frames)).content().path("t").asText()).isEqualTo("\uFFFD");
    }
}
