package io.pgsight.ext.vector;

import static io.pgsight.ext.vector.Errors.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VectorTextIoTest {
    private static String roundTrip(String in) {
        VectorType t = VectorType.INSTANCE;
        return t.output(t.input(in, -1));
    }

    @Test
    void outputsShortestFloat4Text() {
        assertEquals("[1,2,3]", roundTrip("[1,2,3]"));
        assertEquals("[1,2.5,-3]", roundTrip(" [ 1 ,  2.5 ,-3 ] "));
        assertEquals("[1,-0,0.5]", roundTrip("[1.,-0.,.5]"));
        assertEquals("[1000,0.025,-40]", roundTrip("[1e3,2.5E-2,-4e+1]"));
        assertEquals("[0.1,0.2,0.3]", roundTrip("[0.1,0.2,0.3]"));
        assertEquals("[1.2345679,3.4028235e+38,-1e-38]", roundTrip("[1.23456789,3.4028235e38,-1e-38]"));
        assertEquals("[0,-0]", roundTrip("[1e-46,-1e-46]"));
        assertEquals("[3.1415927]", roundTrip("[3.14159265358979]"));
        assertEquals("[100000,1e+06,0.0001,1e-05,1.5e+38,1.5e-38]",
                roundTrip("[100000,1000000,0.0001,0.00001,1.5e38,1.5e-38]"));
        assertEquals("[8,1.5,0.75]", roundTrip("[0x1p3,0x1.8,0X.Cp0]"));
        assertEquals("[0.8415,0.5403,-0.4161,0.054]", roundTrip("[0.8415,0.5403,-0.4161,0.054]"));
        assertEquals("[1.2345678e+06,123456.78,1.6777216e+07]", roundTrip("[1234567.8,123456.78,16777216]"));
    }

    @Test
    void shortestDigitsRoundTripForManyFloats() {
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 5000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                continue;
            }
            String s = ShortestFloat.float4(f);
            assertEquals(f, Float.parseFloat(s), s);
        }
    }

    @Test
    void fastShortestPathAgreesWithTheExactOne() {
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 30000; i++) {
            float f = i % 2 == 0 ? Float.intBitsToFloat(r.nextInt()) : Math.round(r.nextFloat() * 1e6f) / 1e4f;
            if (Float.isNaN(f) || Float.isInfinite(f) || f == 0f) {
                continue;
            }
            String fast = ShortestFloat.float4Fast(f);
            if (fast != null) {
                assertEquals(ShortestFloat.float4Exact(f), fast, "bits " + Integer.toHexString(Float.floatToIntBits(f)));
            }
        }
    }

    @Test
    void rejectsMalformedInputWithPgvectorMessages() {
        VectorType t = VectorType.INSTANCE;
        expect("22000", "vector must have at least 1 dimension", () -> t.input("[]", -1));
        expect("22000", "vector must have at least 1 dimension", () -> t.input("[ ]", -1));
        expect("22P02", "invalid input syntax for type vector: \"\"", "Vector contents must start with \"[\".",
                () -> t.input("", -1));
        expect("22P02", "invalid input syntax for type vector: \"1,2,3\"", "Vector contents must start with \"[\".",
                () -> t.input("1,2,3", -1));
        for (String bad : new String[] {"[1,2,3", "[1,,3]", "[1,2,]", "[1a,2]", "[hello]", "[", "[ ", "[,", "[1,]",
            "[,]", "[1, ,3]"}) {
            expect("22P02", "invalid input syntax for type vector: \"" + bad + "\"", null, () -> t.input(bad, -1));
        }
        expect("22P02", "invalid input syntax for type vector: \"[1,2,3]x\"", "Junk after closing right brace.",
                () -> t.input("[1,2,3]x", -1));
        expect("22P02", "invalid input syntax for type vector: \"[1,2,3]9\"", "Junk after closing right brace.",
                () -> t.input("[1,2,3]9", -1));
        expect("22000", "NaN not allowed in vector", () -> t.input("[NaN,1]", -1));
        expect("22000", "infinite value not allowed in vector", () -> t.input("[1,Infinity]", -1));
        expect("22000", "infinite value not allowed in vector", () -> t.input("[-inf]", -1));
        expect("22003", "\"4e38\" is out of range for type vector", () -> t.input("[4e38]", -1));
        expect("22003", "\"-1e39\" is out of range for type vector", () -> t.input("[1,-1e39]", -1));
        expect("22000", "expected 2 dimensions, not 3", () -> t.input("[1,2,3]", 2));
        expect("54000", "vector cannot have more than 16000 dimensions",
                () -> t.input("[" + "1,".repeat(16000) + "1]", -1));
        assertEquals(16000, t.input("[" + "1,".repeat(15999) + "1]", -1).dimensions());
    }

    @Test
    void typmodRules() {
        VectorType t = VectorType.INSTANCE;
        assertEquals(3, t.typmodIn(new int[] {3}));
        expect("22023", "dimensions for type vector must be at least 1", () -> t.typmodIn(new int[] {0}));
        expect("22023", "dimensions for type vector cannot exceed 16000", () -> t.typmodIn(new int[] {16001}));
        expect("22023", "invalid type modifier", () -> t.typmodIn(new int[] {2, 3}));
        expect("22000", "expected 2 dimensions, not 3", () -> t.applyTypmod(t.input("[1,2,3]", -1), 2, true));
        assertEquals("(3)", t.typmodOut(3));
        expect("22023", "dimensions for type sparsevec cannot exceed 1000000000",
                () -> SparseVecType.INSTANCE.typmodIn(new int[] {1_000_000_001}));
        expect("22023", "dimensions for type halfvec must be at least 1",
                () -> HalfVecType.INSTANCE.typmodIn(new int[] {-1}));
    }

    @Test
    void binaryFormat() {
        VectorType t = VectorType.INSTANCE;
        Vector v = t.input("[1,-2.5]", -1);
        byte[] b = t.send(v);
        assertArrayEquals(new byte[] {0, 2, 0, 0, 0x3f, (byte) 0x80, 0, 0, (byte) 0xc0, 0x20, 0, 0}, b);
        assertEquals(v, t.receive(b, -1));
        expect("22000", "expected unused to be 0, not 1",
                () -> t.receive(new byte[] {0, 1, 0, 1, 0x3f, (byte) 0x80, 0, 0}, -1));
        expect("22000", "vector must have at least 1 dimension", () -> t.receive(new byte[] {0, 0, 0, 0}, -1));
        expect("22000", "expected 3 dimensions, not 2", () -> t.receive(b, 3));
        expect("22000", "NaN not allowed in vector",
                () -> t.receive(new byte[] {0, 1, 0, 0, 0x7f, (byte) 0xc0, 0, 0}, -1));
    }

    @Test
    void halfvecText() {
        HalfVecType t = HalfVecType.INSTANCE;
        assertEquals("[0.099975586,1.5,65504]", t.output(t.input("[0.1,1.5,65504]", -1)));
        assertEquals("[0]", t.output(t.input("[1e-8]", -1)));
        assertEquals("[-0]", t.output(t.input("[-1e-8]", -1)));
        assertEquals("[1.234375]", t.output(t.input("[1.23456]", -1)));
        assertEquals("[65504]", t.output(t.input("[65519]", -1)));
        expect("22003", "\"70000\" is out of range for type halfvec", () -> t.input("[70000]", -1));
        expect("22003", "\"65520\" is out of range for type halfvec", () -> t.input("[65520]", -1));
        expect("22003", "\"1e39\" is out of range for type halfvec", () -> t.input("[1e39]", -1));
        expect("22000", "expected 3 dimensions, not 2", () -> t.input("[1,2]", 3));
        expect("22000", "halfvec must have at least 1 dimension", () -> t.input("[]", -1));
        expect("22000", "NaN not allowed in halfvec", () -> t.input("[nan]", -1));
        expect("22P02", "invalid input syntax for type halfvec: \"x\"", "Vector contents must start with \"[\".",
                () -> t.input("x", -1));
        HalfVec h = t.input("[1,-2]", -1);
        assertArrayEquals(new byte[] {0, 2, 0, 0, 0x3c, 0, (byte) 0xc0, 0}, t.send(h));
        assertEquals(h, t.receive(t.send(h), -1));
    }

    @Test
    void halfConversionIsRoundToNearestEven() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short h = (short) bits;
            float f = HalfFloat.toFloat(h);
            if (!Float.isNaN(f)) {
                assertEquals(h, HalfFloat.fromFloat(f));
            }
        }
        assertEquals(HalfFloat.fromFloat(1f), HalfFloat.fromFloat(1f + 0x1p-11f)); // tie -> even
        assertEquals((short) 0x3c01, HalfFloat.fromFloat(1f + 0x1p-11f + 0x1p-20f));
        assertEquals((short) 0x0001, HalfFloat.fromFloat(0x1p-24f));
        assertEquals((short) 0x0000, HalfFloat.fromFloat(0x1p-25f)); // tie -> even (0)
        assertEquals((short) 0x0001, HalfFloat.fromFloat(0x1.8p-25f));
    }

    @Test
    void sparsevecText() {
        SparseVecType t = SparseVecType.INSTANCE;
        assertEquals("{1:1,3:2}/5", t.output(t.input("{1:1,3:2}/5", -1)));
        assertEquals("{}/3", t.output(t.input("{}/3", -1)));
        assertEquals("{2:1.5,4:-1}/4", t.output(t.input("{ 2:1.5 , 4:-1 }/4", -1)));
        assertEquals("{2:3}/3", t.output(t.input("{1:0,2:3}/3", -1)));
        assertEquals("{1:2,2:1}/3", t.output(t.input("{2:1,1:2}/3", -1)));
        assertEquals("{1:5}/2", t.output(t.input("{1:0,1:5}/2", -1)));
        expect("22000", "sparsevec indices must not contain duplicates", () -> t.input("{1:1,1:2}/3", -1));
        expect("22000", "sparsevec index out of bounds", () -> t.input("{0:1}/3", -1));
        expect("22000", "sparsevec index out of bounds", () -> t.input("{4:1}/3", -1));
        expect("22000", "sparsevec index out of bounds", () -> t.input("{9223372036854775808:1}/3", -1));
        expect("22000", "sparsevec must have at least 1 dimension", () -> t.input("{1:1}/0", -1));
        expect("54000", "sparsevec cannot have more than 1000000000 dimensions",
                () -> t.input("{}/1000000001", -1));
        expect("22P02", "invalid input syntax for type sparsevec: \"{1:1}\"", "Unexpected end of input.",
                () -> t.input("{1:1}", -1));
        expect("22P02", "invalid input syntax for type sparsevec: \"[1]\"", "Vector contents must start with \"{\".",
                () -> t.input("[1]", -1));
        expect("22P02", "invalid input syntax for type sparsevec: \"{1:1}/3x\"", "Junk after closing.",
                () -> t.input("{1:1}/3x", -1));
        expect("22P02", "invalid input syntax for type sparsevec: \"{1:}/3\"", null, () -> t.input("{1:}/3", -1));
        expect("22P02", "invalid input syntax for type sparsevec: \"{:1}/3\"", null, () -> t.input("{:1}/3", -1));
        expect("22003", "\"1e-46\" is out of range for type sparsevec", () -> t.input("{1:1e-46}/3", -1));
        expect("22003", "\"4e38\" is out of range for type sparsevec", () -> t.input("{1:4e38}/3", -1));
        expect("22000", "expected 2 dimensions, not 3", () -> t.input("{}/3", 2));
        expect("54000", "sparsevec cannot have more than 16000 non-zero elements",
                () -> t.input("{" + "1:0,".repeat(16000) + "1:0}/3", -1));
    }

    @Test
    void sparsevecBinary() {
        SparseVecType t = SparseVecType.INSTANCE;
        SparseVec v = t.input("{2:1.5,5:-1}/6", -1);
        byte[] b = t.send(v);
        assertEquals(12 + 16, b.length);
        assertEquals(v, t.receive(b, -1));
        expect("22000", "sparsevec cannot have negative number of elements",
                () -> t.receive(new BinaryWriter(12).int32(3).int32(-1).int32(0).bytes(), -1));
        expect("54000", "sparsevec cannot have more elements than dimensions",
                () -> t.receive(new BinaryWriter(12).int32(1).int32(2).int32(0).bytes(), -1));
        expect("22000", "sparsevec indices must be in ascending order", () -> t.receive(new BinaryWriter(28)
                .int32(5).int32(2).int32(0).int32(3).int32(1).float32(1).float32(1).bytes(), -1));
        expect("22000", "binary representation of sparsevec cannot contain zero values", () -> t.receive(
                new BinaryWriter(20).int32(5).int32(1).int32(0).int32(3).float32(0).bytes(), -1));
    }
}
