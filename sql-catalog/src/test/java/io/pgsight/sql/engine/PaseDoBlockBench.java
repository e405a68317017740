package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineSession;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * Benchmark (not a test): the pase tutorial's data-generating DO block against an in-memory engine.
 * Arguments: loops (100 = the tutorial's 1,000,000 rows), rows per loop (10,000), repetitions (1), vector
 * dimension (80; other values separate per-row from per-element costs).
 * Prints wall and CPU time and rows/s for each repetition; each repetition uses a fresh table.
 *
 * <pre>
 * mvn -o -q -pl sql-catalog -am test-compile
 * java -Xmx6g -cp sql-catalog/target/classes:sql-catalog/target/test-classes io.pgsight.sql.engine.PaseDoBlockBench 100 10000
 * </pre>
 */
public final class PaseDoBlockBench {
    private PaseDoBlockBench() {
    }

    public static void main(String[] args) {
        int loops = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int perLoop = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int dimension = args.length > 3 ? Integer.parseInt(args[3]) : 80;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        EngineImpl engine = new EngineImpl(EngineConfig.inMemory());
        try (EngineSession s = engine.openSession("postgres", "postgres", Map.of(), n -> { })) {
            run(s, "create or replace function gen_float4_arr1(int,int) returns float4[] as $$\n"
                    + "  select array_agg(trunc(random()*$1)::float4) from generate_series(1,$2);\n"
                    + "$$ language sql strict volatile;");
            run(s, "create or replace function gen_float4_arr(float4[], int) returns float4[] as $$\n"
                    + "  select array_agg( (u + (u*$2/2.0/100) - u*$2/100*random())::float4 ) from unnest($1) u;\n"
                    + "$$ language sql strict volatile;");
            String doBlock = "do language plpgsql $$\ndeclare\n  v_cent float4[];\nbegin\n  for i in 1.." + loops
                    + " loop\n    v_cent := gen_float4_arr1(10000," + dimension + ");\n"
                    + "    insert into t_pase_80 (vec) select gen_float4_arr(v_cent, 20) from generate_series(1,"
                    + perLoop + ");\n  end loop;\nend;\n$$;";
            for (int r = 0; r < reps; r++) {
                run(s, "drop table if exists t_pase_80");
                run(s, "create table if not exists t_pase_80(id serial PRIMARY KEY, vec float4[]);");
                long alloc0 = allocated();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                run(s, doBlock);
                long wall = System.nanoTime() - t0;
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long bytes = allocated() - alloc0;
                long rows = (long) loops * perLoop;
                System.out.printf("rows=%d wall=%.2fs cpu=%.2fs rows/s(wall)=%.0f rows/s(cpu)=%.0f allocated/row=%d B%n",
                        rows, wall / 1e9, cpu / 1e9, rows / (wall / 1e9), rows / (cpu / 1e9), bytes / rows);
            }
            CollectingSink count = run(s, "select count(*), min(id), max(id) from t_pase_80");
            System.out.println("check: " + count.rows);
        }
    }

    /** Bytes this thread allocated so far (HotSpot's com.sun.management extension). */
    private static long allocated() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                ? t.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
    }

    private static CollectingSink run(EngineSession s, String sql) {
        CollectingSink sink = new CollectingSink();
        s.execute(sql, sink);
        return sink;
    }
}
