package io.pgsight.pgwire.auth;

import java.net.InetAddress;
import java.util.Set;

/**
 * One pg_hba line: connection type, databases, users, address range and method.
 *
 * @param method how to authenticate, or null for {@code reject}
 */
record HbaRule(int line, String type, Set<String> databases, Set<String> users, AddressRange address,
               AuthMethod method) {

    boolean matches(String database, String user, InetAddress client, boolean ssl) {
        if (type.equals("hostssl") && !ssl || type.equals("hostnossl") && ssl) {
            return false;
        }
        boolean databaseMatches = databases.contains("all") || databases.contains(database)
                || databases.contains("sameuser") && database.equals(user);
        return databaseMatches && (users.contains("all") || users.contains(user)) && address.contains(client);
    }
}
