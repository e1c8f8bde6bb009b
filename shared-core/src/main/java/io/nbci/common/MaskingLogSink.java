package io.nbci.common;

import java.util.List;

/** Wraps a sink and masks every given secret in every line before it is passed on. */
public final class MaskingLogSink implements LogSink {
    private final LogSink delegate;
    private final List<Secret> secrets;

    public MaskingLogSink(LogSink delegate, List<Secret> secrets) {
        this.delegate = delegate;
        this.secrets = List.copyOf(secrets);
    }

    private String mask(String message) {
        String masked = message;
        for (Secret secret : secrets) {
            masked = secret.maskIn(masked);
        }
        return masked;
    }

    @Override
    public void info(String message) {
        delegate.info(mask(message));
    }

    @Override
    public void warn(String message) {
        delegate.warn(mask(message));
    }

    @Override
    public void error(String message) {
        delegate.error(mask(message));
    }

    @Override
    public void debug(String message) {
        delegate.debug(mask(message));
    }
}
