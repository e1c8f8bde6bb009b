package io.nbci.jenkins;

import io.nbci.common.Secret;
import io.nbci.launch.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Passes the nbci process's output to the build log line by line, with every secret the
 * step handed over replaced by {@link Secret#MASK}, and remembers the last {@code nbci: ...}
 * error line so the build result can show it first. Lines are cut at 64 KiB so a process
 * that never prints a newline cannot exhaust the controller's memory.
 */
final class MaskingOutputStream extends OutputStream {
    private static final int MAX_LINE = 64 * 1024;

    private final OutputStream log;
    private final List<Secret> secrets;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String lastError;

    MaskingOutputStream(OutputStream log, List<Secret> secrets) {
        this.log = log;
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) {
            flushLine();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
    }

    /** Writes out a last unterminated line; does not close the build log. */
    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            flushLine();
        }
        log.flush();
    }

    /** The last line the command printed that starts with {@code nbci:}, masked, without the prefix; or null. */
    synchronized String lastError() {
        return lastError;
    }

    private void flushLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        for (Secret secret : secrets) {
            text = secret.maskIn(text);
        }
        String error = Outcome.errorDetail(text);
        if (error != null) {
            lastError = error;
        }
        log.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
