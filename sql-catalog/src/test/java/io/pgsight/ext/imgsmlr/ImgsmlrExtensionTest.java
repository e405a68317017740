package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.Pattern;
import io.pgsight.imaging.Signature;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.Extension;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.SettingDef;
import io.pgsight.sql.spi.Volatility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The imgsmlr extension through its SPI objects, as the engine will call it. */
class ImgsmlrExtensionTest {

    static RecordingRegistry registered() {
        RecordingRegistry r = new RecordingRegistry();
        new ImgsmlrExtension().register(r);
        return r;
    }

    static byte[] image(String file) {
        String shared = System.getProperty("pgsight.shared");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "compat", "data")),
                "shared corpus not found");
        try {
            return Files.readAllBytes(Path.of(shared, "compat", "data", file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Object call(RecordingRegistry r, TestSession s, String name, Object... args) {
        return ((ScalarFunction) r.function(name).body()).call(s, args);
    }

    @Test
    void foundByServiceLoaderWithControlFileFacts() {
        Extension ext = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("imgsmlr")).findFirst().orElseThrow();
        assertEquals("1.0", ext.version());
        assertEquals("image similarity module", ext.comment());
        assertTrue(ServiceLoader.load(Extension.class).stream().anyMatch(p -> p.get().name().equals("imgsmlr_extra")));
    }

    @Test
    void objectsAreThoseOfTheSqlScript() {
        RecordingRegistry r = registered();
        assertEquals(List.of("pattern", "signature"), r.types.stream().map(PgType::name).toList());
        assertEquals(-1, r.type("pattern").length());
        assertEquals(64, r.type("signature").length());
        assertEquals(List.of("jpeg2pattern", "png2pattern", "gif2pattern", "pattern2signature", "pattern_distance",
                "signature_distance", "shuffle_pattern"), r.functions.stream().map(FunctionDef::name).toList());
        for (FunctionDef f : r.functions) {
            assertTrue(f.strict(), f.name());
            assertEquals(Volatility.IMMUTABLE, f.volatility());
            assertNull(f.comment());
        }
        assertEquals("real", r.function("pattern_distance").returnType());
        assertEquals("real", r.function("signature_distance").returnType());
        assertEquals(List.of("pattern_distance", "signature_distance"),
                r.operators.stream().map(o -> o.functionName()).toList());
        assertTrue(r.operators.stream().allMatch(o -> o.symbol().equals("<->") && o.commutator() == null && o.negator() == null));
        OperatorClassDef opc = r.operatorClasses.get(0);
        assertEquals("gist_signature_ops", opc.name());
        assertEquals("gist", opc.accessMethod());
        assertEquals("signature", opc.indexedType());
        assertTrue(opc.isDefault());
        assertEquals(List.of(new OperatorClassDef.Member(1, "<->", "signature", "signature", true)), opc.operators());
        assertTrue(opc.implementation() instanceof SignatureGistMethod);
        assertEquals(List.of("imgsmlr.resampler", "imgsmlr.max_image_pixels"), r.settings.stream().map(SettingDef::name).toList());
        assertEquals(List.of("gd_2_3_3", "gd_2_2_3", "gd_2_1"), r.settings.get(0).enumValues());
        assertEquals("gd_2_3_3", r.settings.get(0).defaultValue());
    }

    @Test
    void typeTextIoAndErrors() {
        RecordingRegistry r = registered();
        PgType sig = r.type("signature");
        Object v = sig.input("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", -1);
        assertEquals("(1.000000, 2.000000, 3.000000, 4.000000, 5.000000, 6.000000, 7.000000, 8.000000, 9.000000, "
                + "10.000000, 11.000000, 12.000000, 13.000000, 14.000000, 15.000000, 16.000000)", sig.output(v));
        SqlException e = assertThrows(SqlException.class, () -> sig.input("(1,2,3)", -1));
        assertEquals("22P02", e.sqlState());
        assertEquals("invalid input syntax for type signature: \"(1,2,3)\"", e.getMessage());
        SqlException p = assertThrows(SqlException.class, () -> r.type("pattern").input("garbage", -1));
        assertEquals("invalid input syntax for type pattern: \"garbage\"", p.getMessage());
        SqlException send = assertThrows(SqlException.class, () -> sig.send(v));
        assertEquals("42883", send.sqlState());
        assertEquals("no binary output function available for type signature", send.getMessage());
        assertEquals("no binary input function available for type pattern",
                assertThrows(SqlException.class, () -> r.type("pattern").receive(new byte[0], -1)).getMessage());
    }

    @Test
    void functionsComputeImgsmlrValues() {
        RecordingRegistry r = registered();
        TestSession s = new TestSession();
        Pattern p = (Pattern) call(r, s, "jpeg2pattern", (Object) image("1.jpg"));
        Signature sig = (Signature) call(r, s, "pattern2signature", p);
        // compat/expected/imgsmlr_types.out, jpeg_sig
        assertEquals("(1.278295, 1.166456, 0.704525, 1.635591, 1.179272, 0.725781, 1.074036, 0.830915, 0.523037, "
                + "0.612067, 1.079750, 0.243584, 0.506387, 1.178521, 0.312590, 0.848233)", r.type("signature").output(sig));
        Pattern png = (Pattern) call(r, s, "png2pattern", (Object) image("2.png"));
        assertEquals(5.894148f, (Float) call(r, s, "pattern_distance", p, png));
        assertEquals(0f, (Float) call(r, s, "signature_distance", sig, sig));
        Pattern shuffled = (Pattern) call(r, s, "shuffle_pattern", p);
        assertNotEquals(p, shuffled);
        assertTrue(s.notices.isEmpty());
    }

    @Test
    void undecodableImagesGiveNoticeAndNull() {
        RecordingRegistry r = registered();
        TestSession s = new TestSession();
        assertNull(call(r, s, "jpeg2pattern", (Object) image("2.png")));
        assertNull(call(r, s, "png2pattern", (Object) new byte[0]));
        assertNull(call(r, s, "gif2pattern", (Object) "GIF89a".getBytes()));
        assertEquals(List.of("NOTICE: Error loading jpeg", "NOTICE: Error loading png", "NOTICE: Error loading gif"), s.notices);
    }

    @Test
    void settingsSelectResamplerAndPixelLimit() {
        RecordingRegistry r = registered();
        TestSession s = new TestSession();
        Pattern now = (Pattern) call(r, s, "jpeg2pattern", (Object) image("4.jpg"));
        s.settings.put("imgsmlr.resampler", "gd_2_2_3");
        Pattern old = (Pattern) call(r, s, "jpeg2pattern", (Object) image("4.jpg"));
        assertNotEquals(now, old);
        s.settings.put("imgsmlr.max_image_pixels", "1000");
        SqlException e = assertThrows(SqlException.class, () -> call(r, s, "jpeg2pattern", (Object) image("4.jpg")));
        assertEquals("54000", e.sqlState());
        assertEquals("image is too large: 200x195 pixels", e.getMessage());
        assertEquals("The limit is 1000 pixels.", e.detail());
    }

    @Test
    void image2patternLivesInImgsmlrExtra() {
        RecordingRegistry r = registered();
        new ImgsmlrExtraExtension().register(r);
        TestSession s = new TestSession();
        assertEquals(call(r, s, "gif2pattern", (Object) image("3.gif")), call(r, s, "image2pattern", (Object) image("3.gif")));
        assertNull(call(r, s, "image2pattern", (Object) "not an image".getBytes()));
        assertEquals(List.of("NOTICE: Error loading image"), s.notices);
    }
}
