package io.pgsight.pgwire.server;

import io.netty.channel.Channel;
import io.pgsight.pgwire.auth.AuthExchange;
import io.pgsight.pgwire.backend.Backend;
import io.pgsight.pgwire.backend.BackendError;
import io.pgsight.pgwire.backend.BackendSession;
import io.pgsight.pgwire.backend.SessionListener;
import io.pgsight.pgwire.backend.StartupParams;
import io.pgsight.pgwire.protocol.BackendMessages;
import io.pgsight.pgwire.protocol.ClientMessage;
import io.pgsight.pgwire.protocol.ClientMessageParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's protocol state machine: STARTUP (SSL/GSS answers, cancel, startup packet),
 * AUTHENTICATING, READY (commands, see {@link CommandProcessor}), CLOSED. Runs on the connection's
 * serial worker, never on the event loop.
 */
final class ProtocolSession {
    private static final System.Logger LOG = System.getLogger(ProtocolSession.class.getName());

    enum Phase { STARTUP, AUTHENTICATING, READY, CLOSED }

    private final Channel channel;
    private final OutboundWriter out;
    private final ConnectionInbox inbox;
    private final ServerContext server;
    private volatile Phase phase = Phase.STARTUP;
    private boolean holdsSlot;
    private boolean sslNegotiated;
    private boolean gssNegotiated;
    private StartupParams startup;
    private AuthExchange auth;
    private BackendSession session;
    private CancelRegistry.Key cancelKey;
    private CommandProcessor commands;

    ProtocolSession(Channel channel, OutboundWriter out, ConnectionInbox inbox, ServerContext server) {
        this.channel = channel;
        this.out = out;
        this.inbox = inbox;
        this.server = server;
    }

    Phase phase() {
        return phase;
    }

    void handle(ClientMessage message) {
        if (phase == Phase.CLOSED) {
            return;
        }
        try {
            if (message instanceof ClientMessage.ConnectionClosed) {
                close();
                return;
            }
            if (message instanceof ClientMessage.Malformed m) {
                fatal(violation(m.message(), m.detail()));
                return;
            }
            switch (phase) {
                case STARTUP -> onStartupPhase(message);
                case AUTHENTICATING -> onAuthenticating(message);
                case READY -> {
                    if (!commands.handle(message)) {
                        close();
                    }
                }
                default -> {
                }
            }
        } catch (ConnectionLost e) {
            close();
        } catch (BackendError e) {
            Map<Character, String> fields = ErrorFields.of(e, "FATAL");
            if (phase != Phase.READY || ErrorFields.isFatal(fields)) {
                fatal(new BackendError(withSeverity(fields, ErrorFields.isFatal(fields) ? fields.get('S') : "FATAL")));
            } else {
                out.write(buf -> BackendMessages.errorOrNotice(buf, true, fields));
                out.flush();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure in connection " + channel.remoteAddress(), e);
            fatal(new BackendError(withSeverity(ErrorFields.of(ErrorFields.internal(e), "FATAL"), "FATAL")));
        }
    }

    private void onStartupPhase(ClientMessage message) {
        if (message instanceof ClientMessage.SslRequest || message instanceof ClientMessage.GssEncRequest) {
            // a second negotiation request is read as a startup packet with a bogus version, as PostgreSQL does
            boolean ssl = message instanceof ClientMessage.SslRequest;
            if (ssl ? sslNegotiated : gssNegotiated) {
                throw new BackendError("FATAL", "0A000", "unsupported frontend protocol 1234." + (ssl ? 5679 : 5680)
                        + ": server supports 3.0 to 3.0");
            }
            if (ssl) {
                sslNegotiated = true;
            } else {
                gssNegotiated = true;
            }
        }
        if (message instanceof ClientMessage.SslRequest) {
            if (server.config().sslContext() != null) {
                server.startTls(channel);
            } else {
                out.writeByteNow('N');
            }
        } else if (message instanceof ClientMessage.GssEncRequest) {
            out.writeByteNow('N');
        } else if (message instanceof ClientMessage.CancelRequest cancel) {
            server.cancelRegistry().cancel(cancel.processId(), cancel.secretKey());
            close();
        } else if (message instanceof ClientMessage.Startup s) {
            onStartupPacket(s);
        } else {
            throw violation("unexpected message during startup", null);
        }
    }

    private void onStartupPacket(ClientMessage.Startup s) {
        if (s.major() != 3) {
            throw new BackendError("FATAL", "0A000", "unsupported frontend protocol " + s.major() + "." + s.minor()
                    + ": server supports 3.0 to 3.0");
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> unsupported = new ArrayList<>();
        for (Map.Entry<String, String> p : s.parameters().entrySet()) {
            if (p.getKey().startsWith("_pq_.")) {
                unsupported.add(p.getKey());
            } else if (!p.getKey().equals("user") && !p.getKey().equals("database")) {
                options.put(p.getKey(), p.getValue());
            }
        }
        if (s.minor() > 0 || !unsupported.isEmpty()) {
            out.write(buf -> BackendMessages.negotiateProtocolVersion(buf, 0, unsupported));
        }
        String user = s.parameters().get("user");
        if (user == null || user.isEmpty()) {
            throw new BackendError("FATAL", "28000", "no PostgreSQL user name specified in startup packet");
        }
        String database = s.parameters().get("database");
        if (database == null || database.isEmpty()) {
            database = user;
        }
        if (!server.tryReserveSession()) {
            throw new BackendError("FATAL", "53300", "sorry, too many clients already");
        }
        holdsSlot = true;
        startup = new StartupParams(user, database, options, String.valueOf(channel.remoteAddress()));
        java.net.InetAddress client = channel.remoteAddress() instanceof java.net.InetSocketAddress a
                && a.getAddress() != null ? a.getAddress() : java.net.InetAddress.getLoopbackAddress();
        auth = server.config().authenticator().begin(user, database, client,
                sslNegotiated && server.config().sslContext() != null);
        boolean[] done = new boolean[1];
        out.write(buf -> done[0] = auth.start(buf));
        if (done[0]) {
            authenticated();
        } else {
            phase = Phase.AUTHENTICATING;
            out.flush();
        }
    }

    private void onAuthenticating(ClientMessage message) {
        if (message instanceof ClientMessage.AuthenticationResponse response) {
            boolean[] done = new boolean[1];
            out.write(buf -> done[0] = auth.onResponse(response.body(), buf));
            if (done[0]) {
                authenticated();
            } else {
                out.flush();
            }
        } else if (message instanceof ClientMessage.Terminate) {
            close();
        } else {
            throw violation("expected password response, got message type " + (int) ClientMessageParser.typeOf(message), null);
        }
    }

    private void authenticated() {
        out.write(BackendMessages::authenticationOk);
        BackendSession opened = server.backend().open(startup, new Listener());
        session = opened;
        cancelKey = server.cancelRegistry().register(opened);
        Map<String, String> parameters = ReportedParameters.complete(opened.parameterStatus(), startup.user(),
                startup.options());
        out.write(buf -> {
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                BackendMessages.parameterStatus(buf, p.getKey(), p.getValue());
            }
            BackendMessages.backendKeyData(buf, cancelKey.processId(), cancelKey.secretKey());
        });
        commands = new CommandProcessor(opened, out, inbox);
        phase = Phase.READY;
        char status = opened.transactionStatus();
        out.write(buf -> BackendMessages.readyForQuery(buf, status));
        out.flush();
        out.enableDirectWrites();
    }

    private void fatal(BackendError e) {
        Map<Character, String> fields = withSeverity(ErrorFields.of(e, "FATAL"), "FATAL");
        out.write(buf -> BackendMessages.errorOrNotice(buf, true, fields));
        out.flush();
        close();
    }

    private static Map<Character, String> withSeverity(Map<Character, String> fields, String severity) {
        Map<Character, String> f = new LinkedHashMap<>(fields);
        f.put('S', severity);
        f.put('V', severity);
        return f;
    }

    private static BackendError violation(String message, String detail) {
        Map<Character, String> f = new LinkedHashMap<>();
        f.put('S', "FATAL");
        f.put('V', "FATAL");
        f.put('C', "08P01");
        f.put('M', message);
        if (detail != null) {
            f.put('D', detail);
        }
        return new BackendError(f);
    }

    /** Ends the session: release backend state, then the connection. Idempotent. */
    void close() {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        try {
            if (commands != null) {
                commands.closeAll();
            }
            if (holdsSlot) {
                holdsSlot = false;
                server.releaseSession();
            }
            if (session != null) {
                server.cancelRegistry().unregister(cancelKey);
                session.close();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing session failed", e);
        } finally {
            out.flush();
            channel.close();
            out.discard();
        }
    }

    /** Notices and parameter changes go into the same ordered stream as results. */
    private final class Listener implements SessionListener {
        @Override
        public void notice(BackendError notice) {
            Map<Character, String> fields = ErrorFields.of(notice, "NOTICE");
            out.write(buf -> BackendMessages.errorOrNotice(buf, false, fields));
        }

        @Override
        public void parameterStatus(String name, String value) {
            out.write(buf -> BackendMessages.parameterStatus(buf, name, value));
        }
    }
}
