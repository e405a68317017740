package io.pgsight.pgwire.server;

import io.netty.channel.Channel;
import io.pgsight.pgwire.backend.Backend;

/** What every connection shares: configuration, the backend, the cancel registry, session count, TLS. */
interface ServerContext {
    PgServerConfig config();

    Backend backend();

    CancelRegistry cancelRegistry();

    /** Claims one of the max_connections slots; false when all are taken. */
    boolean tryReserveSession();

    /** Gives a slot back (the connection ended). */
    void releaseSession();

    /** Answers SSLRequest with 'S' and puts TLS in front of the decoder. */
    void startTls(Channel channel);
}
