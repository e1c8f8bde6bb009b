package io.nbci.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nbci.common.Secret;
import io.nbci.notebook.NotebookException;
import io.nbci.notebook.NotebookJson;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Jupyter wire format: frames {@code [identities..., "<IDS|MSG>", signature, header,
 * parent_header, metadata, content, buffers...]}, signed with HMAC-SHA256 over the four
 * JSON frames. Every outgoing message is signed; every incoming one is verified and
 * rejected when the signature does not match.
 */
public final class MessageCodec {
    /** The protocol version nbci speaks. */
    public static final String PROTOCOL_VERSION = "5.3";

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private final SecretKeySpec key;
    private final String session = UUID.randomUUID().toString();
    private final ThreadLocal<Mac> macs;

    public MessageCodec(Secret key) {
        this.key = new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    public String session() {
        return session;
    }

    /** A new message header for {@code msgType}. */
    public ObjectNode header(String msgType) {
        ObjectNode header = JSON.createObjectNode();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", "nbci");
        header.put("date", DATE.format(OffsetDateTime.now(ZoneOffset.UTC)));
        header.put("msg_type", msgType);
        header.put("version", PROTOCOL_VERSION);
        return header;
    }

    /** The frames of a request (no identities: nbci talks through DEALER sockets). */
    public byte[][] encode(ObjectNode header, JsonNode parent, JsonNode content) {
        try {
            byte[] h = JSON.writeValueAsBytes(header);
            byte[] p = JSON.writeValueAsBytes(parent == null ? JSON.createObjectNode() : parent);
            byte[] m = JSON.writeValueAsBytes(JSON.createObjectNode());
            byte[] c = JSON.writeValueAsBytes(content);
            byte[] signature = sign(h, p, m, c).getBytes(StandardCharsets.US_ASCII);
            return new byte[][] {DELIMITER, signature, h, p, m, c};
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message cannot be serialised", e);
        }
    }

    /** Hex HMAC-SHA256 of the four JSON frames. */
    public String sign(byte[]... parts) {
        Mac mac = macs.get();
        mac.reset();
        for (byte[] part : parts) {
            mac.update(part);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /**
     * Parses received frames.
     *
     * @throws SignatureException when the signature does not match or the frames are not a message
     */
    public Message decode(List<byte[]> frames) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new SignatureException("not a Jupyter message: " + frames.size() + " frames, delimiter at " + delimiter);
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] h = frames.get(delimiter + 2);
        byte[] p = frames.get(delimiter + 3);
        byte[] m = frames.get(delimiter + 4);
        byte[] c = frames.get(delimiter + 5);
        byte[] expected = sign(h, p, m, c).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new SignatureException("message signature does not match the connection key");
        }
        return new Message((ObjectNode) parse(h), parse(p), parse(m), parse(c));
    }

    /**
     * Parses a JSON frame. Kernels may send bytes that are not UTF-8 (Python encodes lone
     * surrogates with surrogateescape); they become U+FFFD instead of failing the run.
     */
    private static JsonNode parse(byte[] frame) {
        try {
            return NotebookJson.parse(new String(frame, StandardCharsets.UTF_8), "kernel message");
        } catch (NotebookException e) {
            throw new SignatureException("kernel message frame is not JSON: " + e.getMessage());
        }
    }

    /** A message the client must drop: bad signature or not a Jupyter message. */
    public static final class SignatureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SignatureException(String message) {
            super(message);
        }
    }
}
