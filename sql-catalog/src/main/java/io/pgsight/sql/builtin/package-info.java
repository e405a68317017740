/**
 * pg_catalog's built-in types, operators, casts, functions, aggregates and window functions, registered
 * through the extension SPI by {@link io.pgsight.sql.builtin.BuiltinCatalog} (extension name
 * {@code pg_catalog}; the engine installs it into every database at creation, it is not in
 * META-INF/services).
 *
 * <h2>Conventions the engine relies on</h2>
 * <ul>
 * <li><b>Type names.</b> Every signature uses pg_type typnames: {@code int4}, {@code float8}, {@code bpchar},
 * {@code timestamptz}, arrays as {@code _int4}. {@link io.pgsight.sql.builtin.types.TypeNames#typname} maps
 * SQL spellings ({@code integer}, {@code double precision}, {@code int[]}) to typnames;
 * {@link io.pgsight.sql.builtin.types.TypeNames#display} and
 * {@link io.pgsight.sql.builtin.misc.SystemFunctions#formatType} give format_type's text.</li>
 * <li><b>Values.</b> bool Boolean; int2/int4/int8 Short/Integer/Long; float4/float8 Float/Double; numeric
 * BigDecimal (scale = display scale) or, for NaN/±Infinity only, {@link io.pgsight.sql.format.PgNumeric};
 * text/varchar/bpchar/name/"char"/json/unknown String; bytea byte[]; oid and reg* Integer (unsigned bits);
 * date LocalDate, time LocalTime, timestamp LocalDateTime, timestamptz Instant (the classes' MAX/MIN are
 * ±infinity); interval {@link io.pgsight.sql.format.PgInterval}; arrays {@link io.pgsight.sql.spi.PgArray}.
 * Note BigDecimal.equals is scale-sensitive (1.0 ≠ 1.00): hash grouping/joins on numeric must hash
 * {@code stripTrailingZeros()}; {@link io.pgsight.sql.builtin.types.ValueOrder} gives the default btree
 * order and SQL equality of any built-in value.</li>
 * <li><b>Pseudo-types</b> in signatures: {@code any}, {@code anyelement}, {@code anyarray},
 * {@code anynonarray}, {@code anycompatible}, {@code anycompatiblearray}; a last argument type
 * {@code "variadic any"} is VARIADIC "any" (concat, concat_ws, format): the body receives the extra
 * arguments flat in its Object[]. Functions over "any"/polymorphic arguments ask
 * {@link io.pgsight.sql.spi.FunctionContext#argumentType} for the resolved typname (to print values and
 * to stamp array element OIDs); without it they fall back to the value's Java class.</li>
 * <li><b>Typmods</b> use PostgreSQL's encodings (varchar/bpchar n+4, numeric ((p&lt;&lt;16)|s)+4, time/
 * timestamp/interval precision). After any cast or assignment to a target with typmod ≥ 0 (also the
 * same type, e.g. numeric → numeric(6,3), varchar → varchar(60)) the engine calls the target type's
 * {@code applyTypmod(value, typmod, explicit)}: explicit casts truncate strings, assignments raise 22001.
 * {@code input(text, typmod)} applies the typmod with assignment semantics, as PostgreSQL's input
 * functions do (COPY, binds); for a literal being cast, pass -1 and then applyTypmod, as coerce_type does.</li>
 * <li><b>Casts</b> registered here are pg_cast's. The engine adds PostgreSQL's automatic ones: I/O
 * conversion (any type → text/varchar/bpchar in assignment context, string → any type explicitly) through
 * the types' {@code output}/{@code input}, array → array casts element-wise through the element cast,
 * and unknown-literal coercion through the target's {@code input}.</li>
 * <li><b>Session settings</b> read through FunctionContext.setting: TimeZone, DateStyle, IntervalStyle,
 * bytea_output, extra_float_digits. The engine must print values with
 * {@code PgType.output(value, ctx)} and read them with {@code input(text, typmod, ctx)}.
 * random()/setseed() keep their generator in {@link io.pgsight.sql.spi.FunctionContext#sessionState}.</li>
 * <li><b>Aggregates</b>: strict ones must not see rows with a NULL argument; {@code count()} (no
 * arguments) is count(*). ORDER BY / DISTINCT / FILTER are the engine's.</li>
 * <li><b>Window functions</b> (row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead,
 * first_value, last_value, nth_value) are FunctionDefs whose body is a
 * {@link io.pgsight.sql.builtin.window.WindowFunction} constant for the window executor.</li>
 * <li><b>Left to the engine</b>: now()/current_date/current_timestamp/localtimestamp (statement time),
 * pg_typeof, coalesce/nullif/greatest/least, current_setting/set_config, version(), regclass/regtype/
 * regproc name lookup (the reg* types here read and print numeric OIDs only), format_type of
 * non-built-in types, multi-argument unnest (ROWS FROM), catalog views and obj_description.</li>
 * </ul>
 */
package io.pgsight.sql.builtin;
