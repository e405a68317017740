package io.pgsight.server;

import io.pgsight.pgwire.auth.AuthMethod;
import io.pgsight.pgwire.server.PgServerConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options. Parsing never exits the process: errors are thrown as
 * {@link IllegalArgumentException} with a message for the user.
 */
record ServerOptions(String listen, int port, String user, AuthMethod auth, String password, String dataDir,
                     int maxConnections, int maxMessageSize, String sslCert, String sslKey,
                     Map<String, String> settings, boolean help, String hbaFile, String usersFile,
                     Map<String, String> userPasswords) {

    static final String USAGE = """
            Usage: java -jar pgsight.jar [options]

            A PostgreSQL-compatible server (wire protocol 3.0) with imgsmlr, pgvector and pase built in.

            Options:
              --port N               TCP port to listen on (default 5432)
              --listen ADDRESS       address to bind (default 127.0.0.1; 0.0.0.0 for all interfaces)
              --auth METHOD          trust (default), password, md5 or scram-sha-256
              --user NAME            the user that password authentication accepts (default postgres)
              --password PASSWORD    that user's password (or set PGSIGHT_PASSWORD); required unless --auth trust
              --hba-file FILE        pg_hba.conf-style rules (host DATABASE USER ADDRESS METHOD, first match wins;
                                     methods trust, reject, password, md5, scram-sha-256); replaces --auth
              --user-password NAME=PASSWORD
                                     a user and password (repeatable), besides --user/--password
              --users-file FILE      users and passwords, one "name:password" a line (# comments)
              --data-dir DIR         keep data in DIR, durable across restarts and crashes (default: the
                                     PGDATA environment variable; without either, in memory, lost at exit)
              --max-connections N    client connections at once (default 100)
              --max-message-size N   largest protocol message in bytes (default 1073741824)
              --ssl-cert FILE        PEM certificate chain; with --ssl-key enables TLS for sslmode=prefer/require
              --ssl-key FILE         PEM private key in PKCS#8 form ("BEGIN PRIVATE KEY")
              --set NAME=VALUE       initial value of a server setting (repeatable), e.g. --set hnsw.ef_search=100
              --help                 show this text
            """;

    private static final java.util.Set<String> VALUED = java.util.Set.of("--port", "--listen", "--user", "--auth",
            "--password", "--data-dir", "--max-connections", "--max-message-size", "--ssl-cert", "--ssl-key", "--set",
            "--hba-file", "--users-file", "--user-password");

    static ServerOptions parse(String[] args, Map<String, String> env) {
        String listen = "127.0.0.1";
        int port = 5432;
        String user = "postgres";
        AuthMethod auth = AuthMethod.TRUST;
        String password = env.get("PGSIGHT_PASSWORD");
        String dataDir = env.get("PGDATA") == null || env.get("PGDATA").isBlank() ? null : env.get("PGDATA");
        int maxConnections = 100;
        int maxMessageSize = PgServerConfig.DEFAULT_MAX_MESSAGE_LENGTH;
        String sslCert = null;
        String sslKey = null;
        Map<String, String> settings = new LinkedHashMap<>();
        boolean help = false;
        String hbaFile = null;
        String usersFile = null;
        Map<String, String> userPasswords = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0 && !arg.startsWith("--set")) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("-?")) {
                help = true;
                continue;
            }
            if (!VALUED.contains(arg) && !arg.startsWith("--set=")) {
                throw new IllegalArgumentException("unknown option \"" + arg + "\" (see --help)");
            }
            if (value == null) {
                if (arg.equals("--set") && eq < 0) {
                    value = requireValue(args, ++i, arg);
                } else if (arg.startsWith("--set=")) {
                    value = arg.substring("--set=".length());
                    arg = "--set";
                } else {
                    value = requireValue(args, ++i, arg);
                }
            }
            switch (arg) {
                case "--port" -> port = intValue(arg, value, 0, 65535);
                case "--listen" -> listen = value;
                case "--user" -> user = value;
                case "--auth" -> auth = AuthMethod.fromConfigName(value);
                case "--password" -> password = value;
                case "--data-dir" -> dataDir = value;
                case "--max-connections" -> maxConnections = intValue(arg, value, 1, 100_000);
                case "--max-message-size" -> maxMessageSize = intValue(arg, value, 1024, Integer.MAX_VALUE);
                case "--ssl-cert" -> sslCert = value;
                case "--ssl-key" -> sslKey = value;
                case "--hba-file" -> hbaFile = value;
                case "--users-file" -> usersFile = value;
                case "--user-password" -> {
                    int at = value.indexOf('=');
                    if (at <= 0) {
                        throw new IllegalArgumentException("--user-password expects NAME=PASSWORD");
                    }
                    userPasswords.put(value.substring(0, at), value.substring(at + 1));
                }
                case "--set" -> {
                    int at = value.indexOf('=');
                    if (at <= 0) {
                        throw new IllegalArgumentException("--set expects NAME=VALUE, got \"" + value + "\"");
                    }
                    settings.put(value.substring(0, at).trim(), value.substring(at + 1));
                }
                default -> throw new IllegalArgumentException("unknown option \"" + arg + "\" (see --help)");
            }
        }
        if (!help && hbaFile == null && auth != AuthMethod.TRUST && (password == null || password.isEmpty())
                && userPasswords.isEmpty() && usersFile == null) {
            throw new IllegalArgumentException("--auth " + auth.configName()
                    + " needs a password: give --password or set PGSIGHT_PASSWORD");
        }
        if ((sslCert == null) != (sslKey == null)) {
            throw new IllegalArgumentException("--ssl-cert and --ssl-key go together");
        }
        return new ServerOptions(listen, port, user, auth, password, dataDir, maxConnections, maxMessageSize,
                sslCert, sslKey, Map.copyOf(settings), help, hbaFile, usersFile, Map.copyOf(userPasswords));
    }

    private static String requireValue(String[] args, int i, String option) {
        if (!option.startsWith("--")) {
            throw new IllegalArgumentException("unknown argument \"" + option + "\" (see --help)");
        }
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a number, got \"" + value + "\"");
        }
    }
}
