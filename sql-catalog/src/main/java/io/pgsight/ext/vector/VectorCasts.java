package io.pgsight.ext.vector;

import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.CastDef;
import io.pgsight.sql.spi.CastFunction;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.PgArray;
import java.util.List;

/** pgvector's casts (pg_cast rows with their functions), including the typmod self-casts. */
final class VectorCasts {
    private VectorCasts() {
    }

    private static final String[][] ARRAYS = {
        {"integer[]", "int4"}, {"real[]", "float4"}, {"double precision[]", "float8"}, {"numeric[]", "numeric"},
    };

    static void register(ExtensionRegistry r) {
        cast(r, "vector", "vector", CastContext.IMPLICIT, "vector", "adjust vector to typmod",
                (ctx, v, typmod, explicit) -> VectorType.INSTANCE.applyTypmod(v, typmod, explicit));
        cast(r, "vector", "real[]", CastContext.IMPLICIT, "vector_to_float4", "convert vector to float4 array",
                (ctx, v, typmod, explicit) -> ArrayElements.float4Array(((Vector) v).elements()));
        cast(r, "halfvec", "halfvec", CastContext.IMPLICIT, "halfvec", "adjust halfvec to typmod",
                (ctx, v, typmod, explicit) -> HalfVecType.INSTANCE.applyTypmod(v, typmod, explicit));
        cast(r, "halfvec", "vector", CastContext.ASSIGNMENT, "halfvec_to_vector", "convert halfvec to vector",
                (ctx, v, typmod, explicit) -> halfvecToVector((HalfVec) v, typmod));
        cast(r, "vector", "halfvec", CastContext.IMPLICIT, "vector_to_halfvec", "convert vector to halfvec",
                (ctx, v, typmod, explicit) -> toHalfVec(((Vector) v).elements(), typmod));
        cast(r, "halfvec", "real[]", CastContext.ASSIGNMENT, "halfvec_to_float4", "convert halfvec to float4 array",
                (ctx, v, typmod, explicit) -> ArrayElements.float4Array(((HalfVec) v).toFloats()));
        cast(r, "sparsevec", "sparsevec", CastContext.IMPLICIT, "sparsevec", "adjust sparsevec to typmod",
                (ctx, v, typmod, explicit) -> SparseVecType.INSTANCE.applyTypmod(v, typmod, explicit));
        cast(r, "sparsevec", "vector", CastContext.ASSIGNMENT, "sparsevec_to_vector", "convert sparsevec to vector",
                (ctx, v, typmod, explicit) -> sparseToVector((SparseVec) v, typmod));
        cast(r, "vector", "sparsevec", CastContext.IMPLICIT, "vector_to_sparsevec", "convert vector to sparsevec",
                (ctx, v, typmod, explicit) -> toSparse(((Vector) v).elements(), typmod));
        cast(r, "sparsevec", "halfvec", CastContext.ASSIGNMENT, "sparsevec_to_halfvec", "convert sparsevec to halfvec",
                (ctx, v, typmod, explicit) -> sparseToHalfVec((SparseVec) v, typmod));
        cast(r, "halfvec", "sparsevec", CastContext.IMPLICIT, "halfvec_to_sparsevec", "convert halfvec to sparsevec",
                (ctx, v, typmod, explicit) -> toSparse(((HalfVec) v).toFloats(), typmod));
        for (String[] a : ARRAYS) {
            cast(r, a[0], "vector", CastContext.ASSIGNMENT, "array_to_vector", "convert " + a[1] + " array to vector",
                    (ctx, v, typmod, explicit) -> arrayToVector((PgArray) v, typmod));
            cast(r, a[0], "halfvec", CastContext.ASSIGNMENT, "array_to_halfvec",
                    "convert " + a[1] + " array to halfvec",
                    (ctx, v, typmod, explicit) -> arrayToHalfVec((PgArray) v, typmod));
            cast(r, a[0], "sparsevec", CastContext.ASSIGNMENT, "array_to_sparsevec",
                    "convert " + a[1] + " array to sparsevec",
                    (ctx, v, typmod, explicit) -> arrayToSparse((PgArray) v, typmod));
        }
    }

    /** Registers the cast function (name(source, integer, boolean)) and the cast itself. */
    private static void cast(ExtensionRegistry r, String source, String target, CastContext context, String function,
                             String comment, CastFunction body) {
        r.function(FunctionDef.scalar(function, List.of(source, "integer", "boolean"), target,
                (ctx, args) -> body.cast(ctx, args[0], (Integer) args[1], (Boolean) args[2])).withComment(comment));
        r.cast(new CastDef(source, target, context, function, body));
    }

    static Vector arrayToVector(PgArray array, int typmod) {
        float[] x = ArrayElements.toFloats(array, VectorType.NAME, Vector.MAX_DIM, typmod);
        for (float f : x) {
            VectorErrors.checkFinite(f, VectorType.NAME);
        }
        return Vector.wrap(x);
    }

    static HalfVec arrayToHalfVec(PgArray array, int typmod) {
        float[] x = ArrayElements.toFloats(array, HalfVecType.NAME, HalfVec.MAX_DIM, typmod);
        return toHalfVec(x, -1);
    }

    static SparseVec arrayToSparse(PgArray array, int typmod) {
        float[] x = ArrayElements.toFloats(array, SparseVecType.NAME, SparseVec.MAX_DIM, typmod);
        for (float f : x) {
            VectorErrors.checkFinite(f, SparseVecType.NAME);
        }
        return SparseVec.fromDense(x);
    }

    static HalfVec toHalfVec(float[] x, int typmod) {
        VectorErrors.checkTypmod(typmod, x.length);
        short[] h = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            VectorErrors.checkFinite(x[i], HalfVecType.NAME);
            h[i] = HalfFloat.fromFloat(x[i]);
            if (HalfFloat.isInfinite(h[i])) {
                throw VectorErrors.outOfRange(ShortestFloat.float4(x[i]), HalfVecType.NAME);
            }
        }
        return HalfVec.wrap(h);
    }

    static Vector halfvecToVector(HalfVec h, int typmod) {
        VectorErrors.checkTypmod(typmod, h.dimensions());
        return Vector.wrap(h.toFloats());
    }

    static SparseVec toSparse(float[] dense, int typmod) {
        VectorErrors.checkTypmod(typmod, dense.length);
        return SparseVec.fromDense(dense);
    }

    static Vector sparseToVector(SparseVec s, int typmod) {
        VectorErrors.checkDimensions(s.dimensions(), Vector.MAX_DIM, VectorType.NAME);
        VectorErrors.checkTypmod(typmod, s.dimensions());
        return Vector.wrap(s.toDense());
    }

    static HalfVec sparseToHalfVec(SparseVec s, int typmod) {
        VectorErrors.checkDimensions(s.dimensions(), HalfVec.MAX_DIM, HalfVecType.NAME);
        return toHalfVec(s.toDense(), typmod);
    }
}
