package io.pgsight.server;

import io.pgsight.pgwire.backend.Backend;
import io.pgsight.pgwire.backend.BackendSession;
import io.pgsight.pgwire.backend.SessionListener;
import io.pgsight.pgwire.backend.StartupParams;
import io.pgsight.sql.api.Engine;
import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.NoticeListener;
import io.pgsight.sql.api.SqlException;

/** The wire's {@link Backend} served by the SQL engine. */
public final class EngineBackend implements Backend {
    private final Engine engine;

    public EngineBackend(Engine engine) {
        this.engine = engine;
    }

    @Override
    public BackendSession open(StartupParams startup, SessionListener listener) {
        NoticeListener notices = new NoticeListener() {
            @Override
            public void notice(SqlException notice) {
                listener.notice(SqlErrors.toBackendError(notice));
            }

            @Override
            public void reportedSettingChanged(String name, String value) {
                listener.parameterStatus(name, value);
            }
        };
        try {
            EngineSession session = engine.openSession(startup.user(), startup.database(), startup.options(), notices);
            return new EngineBackendSession(session);
        } catch (SqlException e) {
            throw SqlErrors.toBackendError(e);
        }
    }
}
