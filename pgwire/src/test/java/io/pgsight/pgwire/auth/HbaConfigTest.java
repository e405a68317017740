package io.pgsight.pgwire.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HbaConfigTest {
    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void firstMatchingLineWins() throws Exception {
        HbaConfig hba = HbaConfig.parse(List.of(
                "host all eve 0.0.0.0/0 reject  # no eve",
                "host db1,db2 all 192.168.1.0/24 md5",
                "hostssl all all ::/0 scram-sha-256",
                "host sameuser all 10.0.0.0 255.0.0.0 password",
                "host all all all trust"), "test");
        assertNull(hba.match("db1", "eve", ip("192.168.1.5"), false).method());
        assertEquals(AuthMethod.MD5, hba.match("db2", "ann", ip("192.168.1.5"), false).method());
        assertEquals(AuthMethod.TRUST, hba.match("db3", "ann", ip("192.168.1.5"), false).method());
        assertEquals(AuthMethod.SCRAM_SHA_256, hba.match("db3", "ann", ip("192.168.2.1"), true).method());
        assertEquals(AuthMethod.PASSWORD, hba.match("ann", "ann", ip("10.9.8.7"), false).method());
        assertEquals(AuthMethod.TRUST, hba.match("bob", "ann", ip("10.9.8.7"), false).method());
    }

    @Test
    void noMatchingLineIsAnImplicitReject() throws Exception {
        HbaConfig hba = HbaConfig.parse(List.of("local all all trust", "host all all 127.0.0.1/32 trust"), "t");
        assertNull(hba.match("db", "ann", ip("127.0.0.2"), false));
        assertEquals(AuthMethod.TRUST, hba.match("db", "ann", ip("127.0.0.1"), false).method());
        assertEquals(AuthMethod.TRUST, hba.match("db", "ann", ip("::ffff:127.0.0.1"), false).method());
    }

    @Test
    void invalidLinesNameTheLine() {
        for (String bad : List.of("host all all 127.0.0.1 trust", "host all all 127.0.0.1/33 md5",
                "host all all example.com/32 md5", "hostx all all all trust", "host all all all ident",
                "host all +group all trust", "host all all all")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HbaConfig.parse(List.of("# header", bad), "hba.conf"), bad);
            assertTrue(e.getMessage().endsWith("in line 2 of hba.conf"), e.getMessage());
        }
    }
}
