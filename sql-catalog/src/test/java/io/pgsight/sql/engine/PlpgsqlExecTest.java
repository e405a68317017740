package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PL/pgSQL through a session: control flow, exceptions and subtransactions, RAISE, CONTEXT, FOUND/ROW_COUNT. */
class PlpgsqlExecTest extends EngineTestSupport {
    private List<String> messages() {
        return notices.stream().map(n -> n.severity() + ": " + n.getMessage()).toList();
    }

    @Test
    void classifyWithIf() {
        try (EngineSession s = open()) {
            run(s, "CREATE FUNCTION classify(v integer) RETURNS text AS $$\nBEGIN\n  IF v IS NULL THEN\n    RETURN 'null';\n"
                    + "  ELSIF v < 0 THEN\n    RETURN 'negative';\n  ELSE\n    RETURN 'positive';\n  END IF;\nEND;\n$$ LANGUAGE plpgsql");
            try {
                assertEquals(List.of(List.of("negative"), List.of("positive"), List.of("null")),
                        rows(s, "SELECT classify(v) FROM (VALUES (-5), (7), (NULL)) t(v)"));
            } catch (SqlException e) {
                if (e.getCause() != null) {
                    e.getCause().printStackTrace();
                }
                throw e;
            }
        }
    }
}
