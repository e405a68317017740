package io.pgsight.bench;

import io.pgsight.server.PgsightServer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What every bench command shares: "--name value" options, usage on errors, an optional embedded server. */
final class BenchCommand {
    private BenchCommand() {
    }

    /** The body of a bench: the parsed options and the embedded server (null with --host). */
    interface Body<O> {
        void run(O options, PgsightServer embedded) throws Exception;
    }

    /**
     * The {@code --name value} pairs of {@code args}, or null when {@code --help} was asked for; a name
     * not in {@code known}, or one without a value, throws IllegalArgumentException.
     */
    static Map<String, String> options(String[] args, Set<String> known) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help")) {
                return null;
            }
            if (!known.contains(a)) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            out.put(a, args[++i]);
        }
        return out;
    }

    static int intOption(Map<String, String> options, String name, int fallback) {
        String v = options.get(name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    /**
     * Parses (null = print usage), starts an embedded pgsight unless {@code host} names a server, runs,
     * and closes the embedded server; a bad command line prints the usage and exits with 2.
     */
    static <O> void main(String[] args, Function<String[], O> parse, String usage, Function<O, String> host,
                         Body<O> body) throws Exception {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(usage);
            return;
        }
        PgsightServer embedded = host.apply(options) == null ? PgsightServer.startForTests(0) : null;
        try {
            body.run(options, embedded);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** A connection to the embedded server, or to {@code host:port} as {@code user} when there is none. */
    static java.sql.Connection connect(PgsightServer embedded, String host, int port, String user, String password)
            throws java.sql.SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        String where = embedded == null ? host + ":" + port : "127.0.0.1:" + embedded.port();
        return java.sql.DriverManager.getConnection("jdbc:postgresql://" + where + "/postgres", props);
    }
}
