package io.pgsight.sql.settings;

/** How a setting's value is parsed and shown; time and memory settings carry units. */
public enum SettingKind { BOOL, INTEGER, REAL, ENUM, STRING, TIME_MS, MEMORY_KB }
