/**
 * The engine behind {@link io.pgsight.sql.api.Engine}: {@link io.pgsight.sql.engine.EngineImpl} holds the
 * databases (each with its own {@link io.pgsight.sql.catalog.Catalog}, filled at creation with pg_catalog's
 * built-ins through the extension SPI), the shared transaction manager and setting definitions.
 * {@link io.pgsight.sql.engine.SessionImpl} owns one client's transaction state (implicit transactions,
 * blocks, savepoints, the failed state 25P02), settings, currval and the random generator, and runs each
 * statement through {@link io.pgsight.sql.engine.CommandRunner}, which dispatches to queries,
 * {@link io.pgsight.sql.engine.DmlCommands}, {@link io.pgsight.sql.engine.DdlCommands} and
 * {@link io.pgsight.sql.engine.CopyCommand}. Session-aware functions (now(), random(), nextval ...) are in
 * {@link io.pgsight.sql.engine.SessionFunctions}.
 */
package io.pgsight.sql.engine;
