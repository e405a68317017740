package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parameters sent as varchar (pgjdbc's default for setString) and cast to extension types. */
class ExtensionTypeParametersTest extends EngineTestSupport {
    private static final int VARCHAR = 1043;

    @Test
    void varcharParametersCastToVectorAndSignature() {
        EngineSession s = open();
        run(s, "CREATE EXTENSION vector");
        run(s, "CREATE EXTENSION imgsmlr");
        run(s, "CREATE TABLE t (id int PRIMARY KEY, sig signature, e vector(2))");
        var insert = s.prepare("INSERT INTO t VALUES ($1, $2::signature, $3::vector)", new int[] {23, VARCHAR, VARCHAR});
        var bound = s.bind(insert, List.of(bytes("1"),
                bytes("(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)"), bytes("[1,2]")),
                new short[0], new short[0]);
        bound.execute(0, new CollectingSink());
        s.sync();
        var update = s.prepare("UPDATE t SET e = $1::vector WHERE id = $2", new int[] {VARCHAR, 23});
        s.bind(update, List.of(bytes("[3,4]"), bytes("1")), new short[0], new short[0])
                .execute(0, new CollectingSink());
        s.sync();
        assertEquals("[3,4]", one(s, "SELECT e::text FROM t"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
