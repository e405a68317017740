package io.pgsight.sql.settings;

import java.util.ArrayList;
import java.util.List;

/** The server's own settings (a subset of PostgreSQL 15's, with its defaults). */
final class BuiltinSettings {
    private BuiltinSettings() {
    }

    static List<Setting> all() {
        List<Setting> l = new ArrayList<>();
        for (String b : List.of("enable_seqscan", "enable_indexscan", "enable_bitmapscan", "enable_indexonlyscan",
                "enable_sort", "enable_hashjoin", "enable_mergejoin", "enable_nestloop", "enable_hashagg",
                "enable_material", "enable_tidscan", "enable_incremental_sort", "enable_memoize",
                "enable_parallel_append", "enable_parallel_hash", "enable_partition_pruning",
                "enable_async_append", "enable_gathermerge", "escape_string_warning", "synchronous_commit",
                "check_function_bodies", "row_security", "jit", "array_nulls", "quote_all_identifiers",
                "synchronize_seqscans")) {
            l.add(Setting.of(b, SettingKind.BOOL, "on"));
        }
        l.add(Setting.of("enable_partitionwise_join", SettingKind.BOOL, "off"));
        l.add(Setting.of("enable_partitionwise_aggregate", SettingKind.BOOL, "off"));
        l.add(Setting.of("transform_null_equals", SettingKind.BOOL, "off"));
        l.add(Setting.of("default_transaction_read_only", SettingKind.BOOL, "off"));
        l.add(Setting.of("transaction_read_only", SettingKind.BOOL, "off"));
        l.add(Setting.of("statement_timeout", SettingKind.TIME_MS, "0").range(0, Integer.MAX_VALUE));
        l.add(Setting.of("lock_timeout", SettingKind.TIME_MS, "0").range(0, Integer.MAX_VALUE));
        l.add(Setting.of("idle_in_transaction_session_timeout", SettingKind.TIME_MS, "0").range(0, Integer.MAX_VALUE));
        l.add(Setting.of("deadlock_timeout", SettingKind.TIME_MS, "1s").range(1, Integer.MAX_VALUE));
        l.add(Setting.of("work_mem", SettingKind.MEMORY_KB, "4MB").range(64, Integer.MAX_VALUE));
        l.add(Setting.of("maintenance_work_mem", SettingKind.MEMORY_KB, "64MB").range(1024, Integer.MAX_VALUE));
        // no spilling to disk: a statement whose sorts, hash tables and buffered rows would pass this fails with 53200
        l.add(Setting.of("pgsight.max_statement_mem", SettingKind.MEMORY_KB, StatementMemoryDefault.shown())
                .range(1024, Integer.MAX_VALUE));
        l.add(Setting.of("extra_float_digits", SettingKind.INTEGER, "1").range(-15, 3));
        l.add(Setting.of("max_parallel_workers_per_gather", SettingKind.INTEGER, "2").range(0, 1024));
        l.add(Setting.of("max_connections", SettingKind.INTEGER, "100").range(1, 262143).readOnly());
        l.add(Setting.of("server_version_num", SettingKind.STRING, "150020").readOnly());
        l.add(Setting.of("server_version", SettingKind.STRING, "15.20").asReported().readOnly());
        l.add(Setting.of("data_directory", SettingKind.STRING, "").readOnly());
        l.add(Setting.of("server_encoding", SettingKind.STRING, "UTF8").asReported().readOnly());
        l.add(Setting.of("client_encoding", SettingKind.STRING, "UTF8").asReported());
        l.add(Setting.of("DateStyle", SettingKind.STRING, "ISO, MDY").asReported());
        l.add(Setting.of("TimeZone", SettingKind.STRING, "Etc/UTC").asReported());
        l.add(Setting.of("IntervalStyle", SettingKind.ENUM, "postgres")
                .values("postgres", "postgres_verbose", "sql_standard", "iso_8601").asReported());
        l.add(Setting.of("integer_datetimes", SettingKind.BOOL, "on").asReported().readOnly());
        l.add(Setting.of("standard_conforming_strings", SettingKind.BOOL, "on").asReported());
        l.add(Setting.of("is_superuser", SettingKind.BOOL, "on").asReported().readOnly());
        l.add(Setting.of("session_authorization", SettingKind.STRING, "postgres").asReported());
        l.add(Setting.of("application_name", SettingKind.STRING, "").asReported());
        l.add(Setting.of("in_hot_standby", SettingKind.BOOL, "off").asReported().readOnly());
        l.add(Setting.of("default_transaction_isolation", SettingKind.ENUM, "read committed")
                .values("serializable", "repeatable read", "read committed", "read uncommitted"));
        l.add(Setting.of("transaction_isolation", SettingKind.ENUM, "read committed")
                .values("serializable", "repeatable read", "read committed", "read uncommitted"));
        l.add(Setting.of("bytea_output", SettingKind.ENUM, "hex").values("escape", "hex"));
        l.add(Setting.of("client_min_messages", SettingKind.ENUM, "notice")
                .values("debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"));
        l.add(Setting.of("search_path", SettingKind.STRING, "\"$user\", public"));
        l.add(Setting.of("lc_messages", SettingKind.STRING, "C.UTF-8"));
        l.add(Setting.of("lc_monetary", SettingKind.STRING, "C.UTF-8"));
        l.add(Setting.of("lc_numeric", SettingKind.STRING, "C.UTF-8"));
        l.add(Setting.of("lc_time", SettingKind.STRING, "C.UTF-8"));
        l.add(Setting.of("lc_collate", SettingKind.STRING, "C.UTF-8").readOnly());
        l.add(Setting.of("lc_ctype", SettingKind.STRING, "C.UTF-8").readOnly());
        l.add(Setting.of("timezone_abbreviations", SettingKind.STRING, "Default"));
        l.add(Setting.of("random_page_cost", SettingKind.REAL, "4").range(0, Double.MAX_VALUE));
        l.add(Setting.of("seq_page_cost", SettingKind.REAL, "1").range(0, Double.MAX_VALUE));
        l.add(Setting.of("cpu_tuple_cost", SettingKind.REAL, "0.01").range(0, Double.MAX_VALUE));
        l.add(Setting.of("block_size", SettingKind.INTEGER, "8192").readOnly());
        l.add(Setting.of("max_identifier_length", SettingKind.INTEGER, "63").readOnly());
        // Set by every pg_dump script's header (and synchronize_seqscans by pg_dump itself); pgsight has one
        // storage and no tablespaces or XML, so they are kept and shown without further effect.
        l.add(Setting.of("default_tablespace", SettingKind.STRING, ""));
        l.add(Setting.of("default_table_access_method", SettingKind.STRING, "heap"));
        l.add(Setting.of("xmloption", SettingKind.ENUM, "content").values("content", "document"));
        l.add(Setting.of("pgsight.file_read_root", SettingKind.STRING, ""));
        return l;
    }
}
