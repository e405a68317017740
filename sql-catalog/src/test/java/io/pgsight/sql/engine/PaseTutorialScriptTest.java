package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Alibaba PASE tutorial (SQL-function data generator, a DO block filling the table, IVFFlat and HNSW indexes,
 * KNN queries) at 10 x 1,000 rows instead of 100 x 10,000: a row's own vector must come back first.
 */
class PaseTutorialScriptTest extends EngineTestSupport {
    @Test
    void ownVectorComesFirst() {
        try (EngineSession s = open()) {
            run(s, "CREATE EXTENSION pase");
            run(s, "create table if not exists t_pase_80(id serial PRIMARY KEY, vec float4[]);");
            run(s, "create or replace function gen_float4_arr1(int,int) returns float4[] as $$\n"
                    + "  select array_agg(trunc(random()*$1)::float4) from generate_series(1,$2);\n"
                    + "$$ language sql strict volatile;");
            run(s, "create or replace function gen_float4_arr(float4[], int) returns float4[] as $$\n"
                    + "  select array_agg( (u + (u*$2/2.0/100) - u*$2/100*random())::float4 ) from unnest($1) u;\n"
                    + "$$ language sql strict volatile;");
            run(s, "do language plpgsql $$\ndeclare\n  v_cent float4[];\nbegin\n  for i in 1..10 loop\n"
                    + "    v_cent := gen_float4_arr1(10000,80);\n"
                    + "    insert into t_pase_80 (vec) select gen_float4_arr(v_cent, 20) from generate_series(1,1000);\n"
                    + "  end loop;\nend;\n$$;");
            assertEquals("10000", one(s, "SELECT count(*) FROM t_pase_80"));
            assertEquals("80", one(s, "SELECT min(array_length(vec, 1)) FROM t_pase_80"));
            run(s, "CREATE INDEX idx_t_pase_80_2 ON t_pase_80 USING pase_ivfflat(vec)\n"
                    + "  WITH (clustering_type = 1, distance_type = 0, dimension = 80, clustering_params = \"100,1001\");");
            run(s, "CREATE INDEX idx_t_pase_80_1 ON t_pase_80 USING pase_hnsw(vec)\n"
                    + "  WITH (dim = 80, base_nb_num = 16, ef_build = 40, ef_search = 200, base64_encoded = 0);");
            String v = one(s, "SELECT vec FROM t_pase_80 WHERE id = 1");
            String q = v.substring(1, v.length() - 1);
            List<List<String>> ivf = rows(s, "SELECT id, vec <#> '" + q + ":0:0'::pase as distance FROM t_pase_80 "
                    + "ORDER BY vec <#> '" + q + ":0:0'::pase LIMIT 10;");
            assertEquals(10, ivf.size());
            assertEquals("1", ivf.get(0).get(0), ivf.toString());
            List<List<String>> hnsw = rows(s, "SELECT id, vec <?> '" + q + ":40:0'::pase as distance FROM t_pase_80 "
                    + "ORDER BY vec <?> '" + q + ":40:0'::pase LIMIT 10;");
            assertEquals(10, hnsw.size());
            assertEquals("1", hnsw.get(0).get(0));
        }
    }
}
