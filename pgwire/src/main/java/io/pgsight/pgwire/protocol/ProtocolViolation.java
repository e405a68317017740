package io.pgsight.pgwire.protocol;

/** A frame or message body that breaks the protocol; always ends the connection with FATAL 08P01. */
public final class ProtocolViolation extends RuntimeException {
    private final String detail;

    public ProtocolViolation(String message) {
        this(message, null);
    }

    public ProtocolViolation(String message, String detail) {
        super(message, null, false, false);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
