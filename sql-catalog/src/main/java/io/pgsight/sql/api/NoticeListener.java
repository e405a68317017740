package io.pgsight.sql.api;

/** Receives NOTICE/WARNING/INFO messages and changes of reported settings while a session runs. */
public interface NoticeListener {
    void notice(SqlException notice);

    /** A setting that clients track changed (application_name, DateStyle, TimeZone, ...). */
    default void reportedSettingChanged(String name, String value) {
    }
}
