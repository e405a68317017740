package io.pgsight.ext.imgsmlr;

import io.pgsight.sql.api.SqlException;

/** imgsmlr declares no SEND/RECEIVE functions; PostgreSQL refuses binary I/O of its types with these errors. */
final class NoBinaryIo {
    private NoBinaryIo() {
    }

    static SqlException noSend(String type) {
        return new SqlException("42883", "no binary output function available for type " + type);
    }

    static SqlException noReceive(String type) {
        return new SqlException("42883", "no binary input function available for type " + type);
    }
}
