package io.pgsight.ext.vector;

import io.pgsight.sql.spi.PgType;
import java.util.Arrays;

/** The {@code vector} type: text form {@code [1,2,3]}, binary int16 dim, int16 unused, float4[dim]. */
public final class VectorType implements PgType {
    public static final String NAME = "vector";
    public static final VectorType INSTANCE = new VectorType();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int oid() {
        return TypeOids.VECTOR;
    }

    @Override
    public int arrayOid() {
        return TypeOids.VECTOR_ARRAY;
    }

    @Override
    public short length() {
        return -1;
    }

    @Override
    public Vector input(String text, int typmod) {
        // sized by the commas, so a well-formed vector fills it exactly (no growing, no final copy)
        float[][] holder = {new float[Math.min(elementsUpperBound(text), Vector.MAX_DIM)]};
        int[] count = {0};
        DenseTextParser.parse(text, NAME, Vector.MAX_DIM, (value, input, start, end, overflow) -> {
            if (overflow && Float.isInfinite(value)) {
                throw VectorErrors.outOfRange(input.substring(start, end), NAME);
            }
            VectorErrors.checkFinite(value, NAME);
            if (count[0] == holder[0].length) {
                holder[0] = Arrays.copyOf(holder[0], Math.min(holder[0].length * 2, Vector.MAX_DIM));
            }
            holder[0][count[0]++] = value;
        });
        float[] elements = count[0] == holder[0].length ? holder[0] : Arrays.copyOf(holder[0], count[0]);
        VectorErrors.checkTypmod(typmod, elements.length);
        return Vector.wrap(elements);
    }

    private static int elementsUpperBound(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                commas++;
            }
        }
        return commas + 1;
    }

    @Override
    public String output(Object value) {
        return format((Vector) value);
    }

    static String format(Vector v) {
        StringBuilder sb = new StringBuilder(v.dimensions() * 8 + 2).append('[');
        for (int i = 0; i < v.dimensions(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ShortestFloat.float4(v.get(i)));
        }
        return sb.append(']').toString();
    }

    @Override
    public Vector receive(byte[] data, int typmod) {
        BinaryReader in = new BinaryReader(data);
        int dim = in.uint16();
        int unused = in.int16();
        VectorErrors.checkDimensions(dim, Vector.MAX_DIM, NAME);
        VectorErrors.checkTypmod(typmod, dim);
        if (unused != 0) {
            throw VectorErrors.dataException("expected unused to be 0, not " + unused);
        }
        float[] elements = new float[dim];
        for (int i = 0; i < dim; i++) {
            elements[i] = in.float32();
            VectorErrors.checkFinite(elements[i], NAME);
        }
        return Vector.wrap(elements);
    }

    @Override
    public byte[] send(Object value) {
        Vector v = (Vector) value;
        BinaryWriter out = new BinaryWriter(4 + 4 * v.dimensions()).int16(v.dimensions()).int16(0);
        for (int i = 0; i < v.dimensions(); i++) {
            out.float32(v.get(i));
        }
        return out.bytes();
    }

    @Override
    public int typmodIn(int[] modifiers) {
        return VectorErrors.typmodIn(NAME, Vector.MAX_DIM, modifiers);
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        VectorErrors.checkTypmod(typmod, ((Vector) value).dimensions());
        return value;
    }

    @Override
    public char storage() {
        return 'e';
    }

    @Override
    public String comment() {
        return "single-precision vector";
    }
}
