package io.pgsight.pgwire.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The ADDRESS column of a pg_hba line: {@code all}, or an IPv4/IPv6 network in CIDR form. */
record AddressRange(byte[] network, int prefixLength) {
    static final AddressRange ALL = new AddressRange(null, 0);

    /** Parses {@code all}, {@code 10.0.0.0/8}, {@code ::1/128}, or an address with a separate netmask. */
    static AddressRange parse(String address, String netmask) {
        if (address.equals("all") && netmask == null) {
            return ALL;
        }
        int slash = address.indexOf('/');
        if (slash < 0 && netmask == null) {
            throw new IllegalArgumentException("address \"" + address + "\" needs a CIDR mask (e.g. /32) or a netmask");
        }
        byte[] net = literal(slash < 0 ? address : address.substring(0, slash));
        int prefix;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(address.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid CIDR mask in address \"" + address + "\"");
            }
        } else {
            prefix = prefixOf(literal(netmask), netmask);
            if (literal(netmask).length != net.length) {
                throw new IllegalArgumentException("IP address and mask do not match in \"" + address + " "
                        + netmask + "\"");
            }
        }
        if (prefix < 0 || prefix > net.length * 8) {
            throw new IllegalArgumentException("invalid CIDR mask in address \"" + address + "\"");
        }
        return new AddressRange(net, prefix);
    }

    boolean contains(InetAddress client) {
        if (network == null) {
            return true;
        }
        byte[] a = client.getAddress();
        if (a.length != network.length) {
            a = mapped(a, network.length);
            if (a == null) {
                return false;
            }
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 client against an IPv6 rule as ::ffff:a.b.c.d, and the reverse. */
    private static byte[] mapped(byte[] a, int wanted) {
        if (a.length == 4 && wanted == 16) {
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(a, 0, v6, 12, 4);
            return v6;
        }
        if (a.length == 16 && wanted == 4) {
            for (int i = 0; i < 10; i++) {
                if (a[i] != 0) {
                    return null;
                }
            }
            if ((a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
                byte[] v4 = new byte[4];
                System.arraycopy(a, 12, v4, 0, 4);
                return v4;
            }
        }
        return null;
    }

    private static byte[] literal(String text) {
        // only numeric literals: host names in pg_hba would need DNS lookups at connect time
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("invalid IP address \"" + text + "\" (host names are not supported)");
        }
        try {
            byte[] a = InetAddress.getByName(text).getAddress();
            // Java reads ::ffff:a.b.c.d as IPv4; keep the IPv6 form so /128-style masks mean what they say
            return text.indexOf(':') >= 0 && a.length == 4 ? mapped(a, 16) : a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IP address \"" + text + "\"");
        }
    }

    private static int prefixOf(byte[] mask, String text) {
        int prefix = 0;
        boolean ended = false;
        for (byte b : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean set = (b >> bit & 1) == 1;
                if (set && ended) {
                    throw new IllegalArgumentException("invalid IP mask \"" + text + "\"");
                }
                if (set) {
                    prefix++;
                } else {
                    ended = true;
                }
            }
        }
        return prefix;
    }
}
