package io.pgsight.ext.vector;

import io.pgsight.sql.spi.PgType;
import java.util.Arrays;

/** The {@code halfvec} type: vector's grammar, binary16 storage, output of each element widened to float4. */
public final class HalfVecType implements PgType {
    public static final String NAME = "halfvec";
    public static final HalfVecType INSTANCE = new HalfVecType();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int oid() {
        return TypeOids.HALFVEC;
    }

    @Override
    public int arrayOid() {
        return TypeOids.HALFVEC_ARRAY;
    }

    @Override
    public short length() {
        return -1;
    }

    @Override
    public HalfVec input(String text, int typmod) {
        short[][] holder = {new short[16]};
        int[] count = {0};
        DenseTextParser.parse(text, NAME, HalfVec.MAX_DIM, (value, input, start, end, overflow) -> {
            short h = HalfFloat.fromFloat(value);
            if ((overflow && Float.isInfinite(value)) || (HalfFloat.isInfinite(h) && !Float.isInfinite(value))) {
                throw VectorErrors.outOfRange(input.substring(start, end), NAME);
            }
            VectorErrors.checkFinite(value, NAME);
            if (count[0] == holder[0].length) {
                holder[0] = Arrays.copyOf(holder[0], Math.min(holder[0].length * 2, HalfVec.MAX_DIM));
            }
            holder[0][count[0]++] = h;
        });
        short[] elements = Arrays.copyOf(holder[0], count[0]);
        VectorErrors.checkTypmod(typmod, elements.length);
        return HalfVec.wrap(elements);
    }

    @Override
    public String output(Object value) {
        return format((HalfVec) value);
    }

    static String format(HalfVec v) {
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
    public HalfVec receive(byte[] data, int typmod) {
        BinaryReader in = new BinaryReader(data);
        int dim = in.uint16();
        int unused = in.int16();
        VectorErrors.checkDimensions(dim, HalfVec.MAX_DIM, NAME);
        VectorErrors.checkTypmod(typmod, dim);
        if (unused != 0) {
            throw VectorErrors.dataException("expected unused to be 0, not " + unused);
        }
        short[] elements = new short[dim];
        for (int i = 0; i < dim; i++) {
            elements[i] = (short) in.uint16();
            VectorErrors.checkFinite(HalfFloat.toFloat(elements[i]), NAME);
        }
        return HalfVec.wrap(elements);
    }

    @Override
    public byte[] send(Object value) {
        HalfVec v = (HalfVec) value;
        BinaryWriter out = new BinaryWriter(4 + 2 * v.dimensions()).int16(v.dimensions()).int16(0);
        for (int i = 0; i < v.dimensions(); i++) {
            out.int16(v.bits(i));
        }
        return out.bytes();
    }

    @Override
    public int typmodIn(int[] modifiers) {
        return VectorErrors.typmodIn(NAME, HalfVec.MAX_DIM, modifiers);
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        VectorErrors.checkTypmod(typmod, ((HalfVec) value).dimensions());
        return value;
    }

    @Override
    public char storage() {
        return 'e';
    }

    @Override
    public String comment() {
        return "half-precision vector";
    }
}
