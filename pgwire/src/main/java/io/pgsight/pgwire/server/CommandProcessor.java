package io.pgsight.pgwire.server;

import io.pgsight.pgwire.backend.BackendError;
import io.pgsight.pgwire.backend.BackendSession;
import io.pgsight.pgwire.backend.ColumnDescription;
import io.pgsight.pgwire.backend.PortalHandle;
import io.pgsight.pgwire.backend.PreparedStatementHandle;
import io.pgsight.pgwire.protocol.BackendMessages;
import io.pgsight.pgwire.protocol.ClientMessage;

import java.util.List;
import java.util.Map;

/**
 * The READY phase: simple Query and the extended protocol (Parse, Bind, Describe, Execute, Close,
 * Flush, Sync). After an error in the extended protocol every message up to Sync is ignored; Sync
 * then answers ReadyForQuery with the transaction status.
 */
final class CommandProcessor {
    private static final System.Logger LOG = System.getLogger(CommandProcessor.class.getName());

    private final BackendSession session;
    private final OutboundWriter out;
    private final ConnectionInbox inbox;
    private final PreparedObjects prepared = new PreparedObjects();
    private boolean skipUntilSync;

    CommandProcessor(BackendSession session, OutboundWriter out, ConnectionInbox inbox) {
        this.session = session;
        this.out = out;
        this.inbox = inbox;
    }

    /** Returns false when the connection should end (Terminate). */
    boolean handle(ClientMessage message) {
        if (message instanceof ClientMessage.Terminate) {
            return false;
        }
        if (message instanceof ClientMessage.IdleInTransactionTimeout t) {
            // only when nothing else arrived meanwhile (the timer and a late message can cross)
            if (inbox.received() == t.mark() + 1 && session.transactionStatus() != 'I') {
                throw new BackendError("FATAL", "25P03", "terminating connection due to idle-in-transaction timeout");
            }
            return true;
        }
        if (message instanceof ClientMessage.Sync) {
            sync();
            return true;
        }
        if (skipUntilSync) {
            return true;
        }
        if (message instanceof ClientMessage.Query q) {
            simpleQuery(q.sql());
        } else if (message instanceof ClientMessage.Flush) {
            out.flush();
        } else if (message instanceof ClientMessage.CopyData || message instanceof ClientMessage.CopyDone
                || message instanceof ClientMessage.CopyFail) {
            // Left over from a COPY that failed: the client keeps sending until it sees the error.
            return true;
        } else if (message instanceof ClientMessage.FunctionCall) {
            reportError(new BackendError("ERROR", "0A000", "fast-path function calls are not supported"));
            readyForQuery();
        } else if (message instanceof ClientMessage.AuthenticationResponse) {
            throw new BackendError("FATAL", "08P01", "invalid frontend message type 112");
        } else {
            extended(message);
        }
        return true;
    }

    private void simpleQuery(String sql) {
        prepared.closePortal("");
        prepared.closeStatement("");
        WireResultSink sink = new WireResultSink(out, inbox, true);
        try {
            session.simpleQuery(sql, sink);
            sink.finishCopyIn();
        } catch (ConnectionLost e) {
            throw e;
        } catch (BackendError e) {
            sink.abandonCopyIn();
            reportError(e);
        } catch (RuntimeException e) {
            sink.abandonCopyIn();
            reportInternal(e);
        }
        endOfTransactionCheck();
        readyForQuery();
    }

    private void extended(ClientMessage message) {
        try {
            if (message instanceof ClientMessage.Parse p) {
                parse(p);
            } else if (message instanceof ClientMessage.Bind b) {
                bind(b);
            } else if (message instanceof ClientMessage.Describe d) {
                describe(d);
            } else if (message instanceof ClientMessage.Execute e) {
                execute(e);
            } else if (message instanceof ClientMessage.Close c) {
                if (c.kind() == 'S') {
                    prepared.closeStatement(c.name());
                } else {
                    prepared.closePortal(c.name());
                }
                out.write(BackendMessages::closeComplete);
            } else {
                throw new BackendError("FATAL", "08P01", "unexpected message " + message.getClass().getSimpleName());
            }
        } catch (ConnectionLost e) {
            throw e;
        } catch (BackendError e) {
            if ("FATAL".equals(e.severity())) {
                throw e;
            }
            skipUntilSync = true;
            reportError(e);
        } catch (RuntimeException e) {
            skipUntilSync = true;
            reportInternal(e);
        }
    }

    private void parse(ClientMessage.Parse p) {
        prepared.checkStatementFree(p.statementName());
        PreparedStatementHandle statement = session.prepare(p.sql(), p.parameterTypes());
        prepared.putStatement(p.statementName(), statement);
        out.write(BackendMessages::parseComplete);
    }

    private void bind(ClientMessage.Bind b) {
        PreparedStatementHandle statement = prepared.statement(b.statementName());
        int expected = statement.parameterTypes().length;
        if (b.parameters().size() != expected) {
            throw new BackendError("ERROR", "08P01", "bind message supplies " + b.parameters().size()
                    + " parameters, but prepared statement \"" + b.statementName() + "\" requires " + expected);
        }
        prepared.checkPortalFree(b.portalName());
        PortalHandle portal = session.bind(statement, b.parameters(), b.parameterFormats(), b.resultFormats());
        prepared.putPortal(b.portalName(), portal);
        out.write(BackendMessages::bindComplete);
    }

    private void describe(ClientMessage.Describe d) {
        List<ColumnDescription> columns;
        if (d.kind() == 'S') {
            PreparedStatementHandle statement = prepared.statement(d.name());
            int[] types = statement.parameterTypes();
            columns = statement.describe();
            out.write(buf -> BackendMessages.parameterDescription(buf, types));
        } else {
            columns = prepared.portal(d.name()).describe();
        }
        if (columns == null) {
            out.write(BackendMessages::noData);
        } else {
            out.write(buf -> BackendMessages.rowDescription(buf, columns));
        }
    }

    private void execute(ClientMessage.Execute e) {
        PortalHandle portal = prepared.portal(e.portalName());
        WireResultSink sink = new WireResultSink(out, inbox, false);
        String tag;
        try {
            tag = portal.execute(Math.max(0, e.maxRows()), sink);
            sink.finishCopyIn();
        } catch (RuntimeException failure) {
            sink.abandonCopyIn();
            throw failure;
        }
        if (sink.sawEmptyQuery()) {
            return;
        }
        if (tag == null) {
            out.write(BackendMessages::portalSuspended);
        } else {
            out.write(buf -> BackendMessages.commandComplete(buf, tag));
        }
    }

    private void sync() {
        skipUntilSync = false;
        try {
            session.sync();
        } catch (ConnectionLost e) {
            throw e;
        } catch (BackendError e) {
            reportError(e);
        } catch (RuntimeException e) {
            reportInternal(e);
        }
        endOfTransactionCheck();
        readyForQuery();
    }

    /** Outside a transaction block no portal survives (PostgreSQL drops them at commit). */
    private void endOfTransactionCheck() {
        if (session.transactionStatus() == 'I') {
            prepared.closeAllPortals();
        }
    }

    private void readyForQuery() {
        char status = session.transactionStatus();
        out.write(buf -> BackendMessages.readyForQuery(buf, status));
        if (status != 'I') {
            long timeout = session.idleInTransactionTimeoutMillis();
            if (timeout > 0) {
                inbox.armIdleTimeout(timeout);
            }
        }
        out.flush();
    }

    private void reportError(BackendError e) {
        Map<Character, String> fields = ErrorFields.of(e, "ERROR");
        if (ErrorFields.isFatal(fields)) {
            throw e;
        }
        out.write(buf -> BackendMessages.errorOrNotice(buf, true, fields));
    }

    private void reportInternal(RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "backend failed", e);
        reportError(ErrorFields.internal(e));
    }

    void closeAll() {
        prepared.closeAll();
    }
}
