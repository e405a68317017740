package io.pgsight.sql.builtin.types;

import io.pgsight.sql.builtin.PgErrors;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.UUID;

/**
 * uuid: java.util.UUID; text as lower-case 8-4-4-4-12 hex, input also upper case, without hyphens, in
 * braces or with a hyphen after any group of four digits (uuid_in); binary the 16 bytes.
 */
public final class UuidType extends BaseType {
    public UuidType() {
        super("uuid", 2950, 2951, 16, 'U', false);
    }

    @Override
    public Object input(String text, int typmod) {
        return parse(text);
    }

    public static UUID parse(String text) {
        String s = text;
        if (s.startsWith("{")) {
            if (!s.endsWith("}")) {
                throw PgErrors.invalidSyntax("uuid", text);
            }
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') {
                // a hyphen may follow any group of four hex digits, but not start or end the value
                if (hex.length() == 0 || hex.length() % 4 != 0 || i == s.length() - 1 || s.charAt(i - 1) == '-') {
                    throw PgErrors.invalidSyntax("uuid", text);
                }
                continue;
            }
            if (Character.digit(c, 16) < 0 || c > 'f') {
                throw PgErrors.invalidSyntax("uuid", text);
            }
            hex.append(c);
        }
        if (hex.length() != 32) {
            throw PgErrors.invalidSyntax("uuid", text);
        }
        long hi = Long.parseUnsignedLong(hex.substring(0, 16), 16);
        long lo = Long.parseUnsignedLong(hex.substring(16), 16);
        return new UUID(hi, lo);
    }

    @Override
    public String output(Object value) {
        return value.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = BinaryBuffers.exactly(data, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    @Override
    public byte[] send(Object value) {
        UUID u = (UUID) value;
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    /** uuid_cmp: bytewise unsigned (UUID.compareTo compares signed longs). */
    public static int compare(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
