/**
 * Settings (GUCs): definitions with PostgreSQL's defaults, units and validation messages
 * ({@link io.pgsight.sql.settings.SettingCatalog}, shared; extensions add theirs) and per-session values
 * with transactional SET / SET LOCAL and placeholders for unknown dotted names
 * ({@link io.pgsight.sql.settings.SessionSettings}).
 */
package io.pgsight.sql.settings;
