/**
 * Client authentication as pg_hba.conf methods: trust, password, md5 and SCRAM-SHA-256 (no channel
 * binding). Each connection gets an {@link io.pgsight.pgwire.auth.AuthExchange} from the
 * {@link io.pgsight.pgwire.auth.Authenticator}; failures are FATAL 28P01 like PostgreSQL's.
 */
package io.pgsight.pgwire.auth;
