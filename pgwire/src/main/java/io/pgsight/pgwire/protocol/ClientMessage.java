package io.pgsight.pgwire.protocol;

import java.util.List;
import java.util.Map;

/** A decoded frontend message. Bodies are copied out of Netty buffers, so records own their bytes. */
public sealed interface ClientMessage {

    /** SSLRequest (code 80877103). */
    record SslRequest() implements ClientMessage {
    }

    /** GSSENCRequest (code 80877104). */
    record GssEncRequest() implements ClientMessage {
    }

    /** CancelRequest (code 80877102), sent on a fresh connection. */
    record CancelRequest(int processId, int secretKey) implements ClientMessage {
    }

    /** StartupMessage: protocol version (major << 16 | minor) and the name/value pairs in order. */
    record Startup(int protocolVersion, Map<String, String> parameters) implements ClientMessage {
        public int major() {
            return protocolVersion >>> 16;
        }

        public int minor() {
            return protocolVersion & 0xFFFF;
        }
    }

    /** 'p': PasswordMessage, SASLInitialResponse or SASLResponse; meaning depends on the auth step. */
    record AuthenticationResponse(byte[] body) implements ClientMessage {
    }

    /** 'Q' simple query. */
    record Query(String sql) implements ClientMessage {
    }

    /** 'P' Parse. */
    record Parse(String statementName, String sql, int[] parameterTypes) implements ClientMessage {
    }

    /** 'B' Bind. */
    record Bind(String portalName, String statementName, short[] parameterFormats, List<byte[]> parameters,
                short[] resultFormats) implements ClientMessage {
    }

    /** 'D' Describe; kind is 'S' (statement) or 'P' (portal). */
    record Describe(char kind, String name) implements ClientMessage {
    }

    /** 'E' Execute. */
    record Execute(String portalName, int maxRows) implements ClientMessage {
    }

    /** 'C' Close; kind is 'S' or 'P'. */
    record Close(char kind, String name) implements ClientMessage {
    }

    /** 'S' Sync. */
    record Sync() implements ClientMessage {
    }

    /** 'H' Flush. */
    record Flush() implements ClientMessage {
    }

    /** 'X' Terminate. */
    record Terminate() implements ClientMessage {
    }

    /** 'd' CopyData. */
    record CopyData(byte[] data) implements ClientMessage {
    }

    /** 'c' CopyDone. */
    record CopyDone() implements ClientMessage {
    }

    /** 'f' CopyFail. */
    record CopyFail(String message) implements ClientMessage {
    }

    /** 'F' FunctionCall (fast-path); not supported, answered with an error. */
    record FunctionCall() implements ClientMessage {
    }

    /**
     * Not a client message: the decoder found a malformed or oversized frame. The connection is
     * answered with FATAL 08P01 and closed.
     */
    record Malformed(String message, String detail) implements ClientMessage {
    }

    /**
     * Not a client message: the session sat idle in a transaction for idle_in_transaction_session_timeout
     * since the ReadyForQuery of the given generation.
     */
    record IdleTimeout(long generation) implements ClientMessage {
    }

    /** Not a client message: the channel became inactive. */
    record ConnectionClosed() implements ClientMessage {
    }
}
