package io.pgsight.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes a live server with the real engine: mutated type input text (pattern, signature, vector, halfvec,
 * sparsevec, pase) as parameters and as SQL literals, random and mutated binary parameters through the
 * extended protocol, and corrupt or hostile images through jpeg2pattern/png2pattern/gif2pattern. Every
 * failure must be a PostgreSQL-style error with a SQLSTATE other than XX000 (or a FATAL close), and a
 * normal client must connect and query afterwards.
 *
 * <p>Suite size: about 2,000 text inputs, 10,000 protocol messages and 1,000 images. Larger:
 * {@code -Dpgsight.fuzz.scale=10} (10x each).
 */
class LiveServerFuzzTest {
    private static final int SCALE = Integer.getInteger("pgsight.fuzz.scale", 1);
    private static final List<String> TYPES = List.of("pattern", "signature", "vector", "halfvec", "sparsevec",
            "pase");
    private static PgsightServer server;
    private static String url;
    private static final Map<String, Integer> states = new TreeMap<>();
    private static final List<String> internalErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        RealEngine.assumePresent();
        server = PgsightServer.startForTests(0);
        url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=postgres&socketTimeout=60";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION imgsmlr");
            s.execute("CREATE EXTENSION vector");
            s.execute("CREATE EXTENSION pase");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        System.out.println("LiveServerFuzzTest: SQLSTATEs seen " + states);
    }

    /** After each campaign: nothing internal, and an ordinary client still gets answers. */
    @AfterEach
    void serverStillAnswers() throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT '[1,2]'::vector <-> '[4,6]'")) {
            assertTrue(rs.next());
            assertEquals(5.0, rs.getDouble(1));
        }
        assertTrue(internalErrors.isEmpty(), internalErrors.size() + " internal errors, e.g. "
                + internalErrors.subList(0, Math.min(5, internalErrors.size())));
    }

    private static synchronized void record(String state, String message, String input) {
        states.merge(state == null ? "none" : state, 1, Integer::sum);
        if (state == null || state.length() != 5 || state.startsWith("XX") || state.equals("58000")) {
            internalErrors.add(state + " " + message + " <- " + abbreviate(input));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static Map<String, String> seeds(Statement s) throws Exception {
        Map<String, String> seeds = new LinkedHashMap<>();
        byte[] png = Files.readAllBytes(images().filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow());
        try (PreparedStatement p = s.getConnection().prepareStatement("SELECT png2pattern(?)::text")) {
            p.setBytes(1, png);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                seeds.put("pattern", rs.getString(1));
            }
        }
        seeds.put("signature", "(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6)");
        seeds.put("vector", "[1,2.5,-3e-4]");
        seeds.put("halfvec", "[0.1,1.5,65504]");
        seeds.put("sparsevec", "{1:1,3:2.5}/5");
        try (ResultSet rs = s.executeQuery("SELECT pase(ARRAY[1, 2.5, 3]::float4[], 0, 1)::text")) {
            rs.next();
            seeds.put("pase", rs.getString(1));
        }
        return seeds;
    }

    private static Stream<Path> images() throws IOException {
        String shared = System.getProperty("pgsight.shared");
        org.junit.jupiter.api.Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared,
                "testdata", "images")), "no shared test images");
        return Files.list(Path.of(shared, "testdata", "images")).sorted();
    }

    private static final String[] TOKENS = {"", " ", ",", "(", ")", "[", "]", "{", "}", ":", "/", "-", "+", "e",
            "e99999", "NaN", "Infinity", "-inf", "1e-50", "0", "99999999999999999999", "\\", "'", "\"", "\u00e9",
            "1,", ",,", "{1:1}", "/0", "/-1", "0x1", ".", "..", "1.2.3", "65505", "-65520", "\t", "\n", "2147483648"};

    private static String mutateText(String seed, Random r) {
        StringBuilder b = new StringBuilder(seed);
        for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(5)) {
                case 0 -> b.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 1 -> {
                    if (b.length() > 0) {
                        b.delete(Math.min(at, b.length() - 1), Math.min(b.length(), at + 1 + r.nextInt(8)));
                    }
                }
                case 2 -> b.setLength(Math.min(b.length(), at));
                case 3 -> b.insert(at, (char) (32 + r.nextInt(95)));
                default -> {
                    if (b.length() > 0) {
                        b.setCharAt(Math.min(at, b.length() - 1), "0123456789.,-e[](){}:/ ".charAt(r.nextInt(23)));
                    }
                }
            }
        }
        return b.toString().replace("\0", "");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void typeTextInputAsParametersAndLiterals() throws Exception {
        Random r = new Random(8);
        int inputs = 2000 * SCALE;
        int accepted = 0;
        Connection c = DriverManager.getConnection(url);
        Map<String, String> seeds = seeds(c.createStatement());
        for (int i = 0; i < inputs; i++) {
            String type = TYPES.get(i % TYPES.size());
            String text = mutateText(seeds.get(type), r);
            boolean literal = r.nextBoolean();
            try {
                if (literal) {
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT '" + text.replace("'", "''") + "'::" + type + "::text")) {
                        rs.next();
                    }
                } else {
                    try (PreparedStatement p = c.prepareStatement("SELECT ?::" + type + "::text")) {
                        p.setString(1, text);
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                        }
                    }
                }
                accepted++;
            } catch (SQLException e) {
                record(e.getSQLState(), e.getMessage(), type + ": " + text);
                if (!c.isValid(5)) {
                    c = DriverManager.getConnection(url);
                }
            }
        }
        c.close();
        System.out.printf("LiveServerFuzzTest: %d mutated type inputs, %d accepted%n", inputs, accepted);
    }

    /** Statements of the compat scripts, mutated at the character and token level, as simple queries. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void mutatedSqlTextThroughSimpleQueries() throws Exception {
        String shared = System.getProperty("pgsight.shared");
        Path compat = shared == null ? null : Path.of(shared, "compat");
        org.junit.jupiter.api.Assumptions.assumeTrue(compat != null && Files.isDirectory(compat), "no compat scripts");
        List<String> statements = new ArrayList<>();
        try (Stream<Path> files = Files.list(compat)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                for (String st : Files.readString(f).split(";\\s*\\n")) {
                    String t = st.lines().filter(l -> !l.startsWith("\\") && !l.startsWith("--"))
                            .reduce("", (a, b) -> a + b + "\n").trim();
                    if (!t.isEmpty() && !t.toUpperCase(java.util.Locale.ROOT).contains("PG_SLEEP")) {
                        statements.add(t);
                    }
                }
            }
        }
        Random r = new Random(11);
        int runs = 2000 * SCALE;
        int ok = 0;
        Connection c = DriverManager.getConnection(url);
        for (int i = 0; i < runs; i++) {
            String sql = mutateText(statements.get(r.nextInt(statements.size())), r);
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(30);
                s.execute(sql);
                ok++;
            } catch (SQLException e) {
                record(e.getSQLState(), e.getMessage(), sql);
                if (!c.isValid(5)) {
                    c = DriverManager.getConnection(url);
                }
            }
            if (!c.getAutoCommit() || i % 50 == 0) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK"); // leave no transaction block open between statements
                } catch (SQLException ignored) {
                    // not in a transaction block
                }
            }
        }
        c.close();
        System.out.printf("LiveServerFuzzTest: %d mutated SQL statements from %d compat statements, %d ran%n", runs,
                statements.size(), ok);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void binaryParametersThroughTheExtendedProtocol() throws Exception {
        Map<String, Integer> oids = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String t : List.of("pattern", "signature", "vector", "halfvec", "sparsevec", "pase", "int4", "float8",
                    "numeric", "text", "bytea", "date", "timestamptz", "interval", "bool", "_int4", "_float4",
                    "uuid")) {
                try (ResultSet rs = s.executeQuery("SELECT '" + t + "'::regtype::oid")) {
                    rs.next();
                    oids.put(t, rs.getInt(1));
                } catch (SQLException e) {
                    System.out.println("LiveServerFuzzTest: no type " + t + ": " + e.getMessage());
                }
            }
        }
        assertTrue(oids.keySet().containsAll(TYPES), "extension types in pg_type: " + oids);
        List<String> names = new ArrayList<>(oids.keySet());
        Random r = new Random(9);
        int messages = 0;
        int connections = 1;
        int fatal = 0;
        RawPgConnection raw = new RawPgConnection(server.port());
        List<RawPgConnection.Error> errors = new ArrayList<>();
        assertTrue(raw.readUntilReady(errors), "startup: " + errors);
        while (messages < 10_000 * SCALE) {
            String type = names.get(r.nextInt(names.size()));
            byte[] value = binaryValue(type, r);
            byte[][] batch = {
                RawPgConnection.parse("", "SELECT $1::text", oids.get(type)),
                RawPgConnection.bind("", "", (short) 1, java.util.Collections.singletonList(value)),
                RawPgConnection.describe('P', ""),
                RawPgConnection.execute(""),
                RawPgConnection.sync()};
            if (r.nextInt(50) == 0) {
                // now and then a damaged frame: the session must answer with an error or close with FATAL
                int k = r.nextInt(batch.length - 1);
                batch[k] = batch[k].clone();
                // (not the length word: a longer one would rightly make the server wait for the rest)
                int at = batch[k].length > 5 && r.nextInt(4) > 0 ? 5 + r.nextInt(batch[k].length - 5) : 0;
                batch[k][at] ^= (byte) (1 << r.nextInt(8));
            }
            raw.send(batch);
            messages += batch.length;
            errors.clear();
            boolean ready = raw.readUntilReady(errors);
            for (RawPgConnection.Error e : errors) {
                record(e.sqlState(), e.severity() + " " + e.message(), type + " binary " + hex(value));
            }
            if (!ready) {
                fatal++;
                assertTrue(errors.isEmpty() || "FATAL".equals(errors.get(errors.size() - 1).severity()),
                        "closed without FATAL: " + errors);
                raw.close();
                raw = new RawPgConnection(server.port());
                connections++;
                errors.clear();
                assertTrue(raw.readUntilReady(errors), "startup: " + errors);
            }
        }
        raw.close();
        System.out.printf("LiveServerFuzzTest: %d protocol messages (binary parameters) over %d connections, "
                + "%d closed with FATAL%n", messages, connections, fatal);
    }

    private static String hex(byte[] b) {
        return b == null ? "NULL" : java.util.HexFormat.of().formatHex(b, 0, Math.min(b.length, 64));
    }

    /** Random bytes, or a well-formed value of the type with a damaged field. */
    private static byte[] binaryValue(String type, Random r) {
        if (r.nextInt(3) == 0) {
            byte[] b = new byte[r.nextInt(r.nextBoolean() ? 16 : 300)];
            r.nextBytes(b);
            return b;
        }
        int dims = r.nextInt(6) == 0 ? r.nextInt() : r.nextInt(20);
        ByteBuffer b = ByteBuffer.allocate(16 + 8 * Math.max(0, Math.min(dims, 40)) + 64);
        switch (type) {
            case "vector", "halfvec" -> {
                b.putShort((short) dims).putShort((short) r.nextInt(3));
                for (int i = 0; i < Math.max(0, Math.min(dims, 40)) + r.nextInt(2) - r.nextInt(2); i++) {
                    if (type.equals("vector")) {
                        b.putFloat(r.nextInt(10) == 0 ? Float.NaN : (float) r.nextGaussian());
                    } else {
                        b.putShort((short) r.nextInt());
                    }
                }
            }
            case "sparsevec" -> {
                int nnz = r.nextInt(5);
                b.putInt(dims).putInt(r.nextInt(8) == 0 ? -nnz : nnz).putInt(0);
                for (int i = 0; i < nnz; i++) {
                    b.putInt(r.nextInt(8) == 0 ? r.nextInt() : r.nextInt(Math.max(1, Math.abs(dims % 30) + 1)));
                }
                for (int i = 0; i < nnz; i++) {
                    b.putFloat(r.nextInt(6) == 0 ? 0f : (float) r.nextGaussian());
                }
            }
            case "signature" -> {
                for (int i = 0; i < 16 + r.nextInt(3) - 1; i++) {
                    b.putFloat((float) r.nextGaussian());
                }
            }
            case "_int4", "_float4" -> {
                b.putInt(r.nextInt(3)).putInt(r.nextInt(2)).putInt(type.equals("_int4") ? 23 : 700);
                b.putInt(dims).putInt(r.nextInt(3));
                for (int i = 0; i < Math.max(0, Math.min(dims, 40)); i++) {
                    b.putInt(4).putInt(r.nextInt());
                }
            }
            default -> {
                b.putInt(dims);
                byte[] rest = new byte[r.nextInt(40)];
                r.nextBytes(rest);
                b.put(rest);
            }
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void corruptAndHostileImages() throws Exception {
        List<byte[]> originals = new ArrayList<>();
        try (Stream<Path> files = images()) {
            for (Path p : files.toList()) {
                originals.add(Files.readAllBytes(p));
            }
        }
        List<byte[]> hostile = List.of(
                CorruptImages.pngBomb(30000, 30000, 64),
                CorruptImages.pngBomb(30000, 30000, 64 << 20),
                CorruptImages.pngBomb(Integer.MAX_VALUE, 1, 1024),
                CorruptImages.pngBomb(1, 1, 64 << 20),
                CorruptImages.gifBomb(65535, 65535),
                CorruptImages.gifBomb(0, 0),
                CorruptImages.jpegBomb(65500, 65500),
                CorruptImages.jpegBomb(0, 0));
        Random r = new Random(10);
        int images = 1000 * SCALE;
        int decoded = 0;
        int nulls = 0;
        String[] functions = {"jpeg2pattern", "png2pattern", "gif2pattern"};
        Connection c = DriverManager.getConnection(url);
        for (int i = 0; i < images + hostile.size() * functions.length; i++) {
            byte[] image = i >= images ? hostile.get((i - images) / functions.length)
                    : CorruptImages.mutate(originals.get(r.nextInt(originals.size())), originals, r);
            String function = i >= images ? functions[(i - images) % functions.length]
                    : functions[r.nextInt(functions.length)];
            try (PreparedStatement p = c.prepareStatement("SELECT " + function + "(?)::text IS NULL")) {
                p.setBytes(1, image);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    // imgsmlr answers an image libgd cannot load with NOTICE "Error loading ..." and NULL
                    nulls += rs.getBoolean(1) ? 1 : 0;
                }
                decoded++;
            } catch (SQLException e) {
                record(e.getSQLState(), e.getMessage(), function + " of " + image.length + " bytes #" + i);
                if (!c.isValid(5)) {
                    c = DriverManager.getConnection(url);
                }
            }
        }
        c.close();
        System.out.printf("LiveServerFuzzTest: %d corrupt images + %d hostile ones: %d answered without error "
                + "(%d of them NULL after a NOTICE)%n", images, hostile.size() * functions.length, decoded, nulls);
    }
}
