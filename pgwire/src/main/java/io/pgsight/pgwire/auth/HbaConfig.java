package io.pgsight.pgwire.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Host-based authentication rules in pg_hba.conf's format, first match wins:
 * {@code host|hostssl|hostnossl DATABASE USER ADDRESS [NETMASK] METHOD}, where DATABASE and USER are
 * comma-separated names or {@code all} (DATABASE also {@code sameuser}), ADDRESS is {@code all} or a
 * CIDR network, and METHOD is trust, reject, password, md5 or scram-sha-256. {@code local} lines are
 * accepted and ignored (there are no Unix-domain sockets); {@code #} starts a comment.
 */
public final class HbaConfig {
    private final List<HbaRule> rules;

    private HbaConfig(List<HbaRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every client, every database and user, one method: what {@code --auth METHOD} means. */
    public static HbaConfig single(AuthMethod method) {
        return new HbaConfig(List.of(new HbaRule(1, "host", Set.of("all"), Set.of("all"), AddressRange.ALL, method)));
    }

    public static HbaConfig read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** @throws IllegalArgumentException naming the file and line of the first invalid rule */
    public static HbaConfig parse(List<String> lines, String source) {
        List<HbaRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int hash = text.indexOf('#');
            String[] f = (hash >= 0 ? text.substring(0, hash) : text).trim().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            try {
                HbaRule rule = rule(i + 1, f);
                if (rule != null) {
                    rules.add(rule);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " in line " + (i + 1) + " of " + source, e);
            }
        }
        return new HbaConfig(rules);
    }

    private static HbaRule rule(int line, String[] f) {
        String type = f[0];
        if (type.equals("local")) {
            return null;
        }
        if (!type.equals("host") && !type.equals("hostssl") && !type.equals("hostnossl")) {
            throw new IllegalArgumentException("invalid connection type \"" + type + "\"");
        }
        if (f.length < 5 || f.length > 6) {
            throw new IllegalArgumentException("expected \"" + type + " DATABASE USER ADDRESS METHOD\"");
        }
        AddressRange address = AddressRange.parse(f[3], f.length == 6 ? f[4] : null);
        String method = f[f.length - 1];
        return new HbaRule(line, type, names(f[1], "database"), names(f[2], "user"), address,
                method.equalsIgnoreCase("reject") ? null : AuthMethod.fromConfigName(method));
    }

    private static Set<String> names(String field, String what) {
        Set<String> names = new LinkedHashSet<>();
        for (String n : field.split(",")) {
            if (n.isEmpty() || n.startsWith("+") || n.startsWith("@")) {
                throw new IllegalArgumentException("unsupported " + what + " name \"" + n
                        + "\" (groups and @files are not supported)");
            }
            names.add(n);
        }
        return names;
    }

    /** The first rule for this connection, or null when none matches (an implicit reject). */
    HbaRule match(String database, String user, InetAddress client, boolean ssl) {
        for (HbaRule r : rules) {
            if (r.matches(database, user, client, ssl)) {
                return r;
            }
        }
        return null;
    }

    boolean uses(AuthMethod method) {
        return rules.stream().anyMatch(r -> r.method() == method);
    }

    /** The method of the first rule, for callers that know no database or address. */
    AuthMethod firstMethod() {
        return rules.isEmpty() || rules.get(0).method() == null ? AuthMethod.TRUST : rules.get(0).method();
    }
}
