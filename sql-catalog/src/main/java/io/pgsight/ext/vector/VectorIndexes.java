package io.pgsight.ext.vector;

import io.pgsight.sql.spi.AccessMethodDef;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.OperatorClassDef;
import java.util.List;

/** Access methods ivfflat and hnsw with their operator classes, plus the btree classes of the types. */
final class VectorIndexes {
    private VectorIndexes() {
    }

    static void register(ExtensionRegistry r) {
        r.accessMethod(new AccessMethodDef("ivfflat", new VectorIndexMethod(VectorIndexKind.IVFFLAT),
                "ivfflat index access method"));
        r.accessMethod(new AccessMethodDef("hnsw", new VectorIndexMethod(VectorIndexKind.HNSW),
                "hnsw index access method"));
        for (String type : new String[] {"vector", "halfvec", "sparsevec"}) {
            r.operatorClass(new OperatorClassDef(type + "_ops", "btree", type, true, List.of(
                    new OperatorClassDef.Member(1, "<", type, type, false),
                    new OperatorClassDef.Member(2, "<=", type, type, false),
                    new OperatorClassDef.Member(3, "=", type, type, false),
                    new OperatorClassDef.Member(4, ">=", type, type, false),
                    new OperatorClassDef.Member(5, ">", type, type, false)), null));
        }
        for (VectorOpClass c : VectorOpClass.values()) {
            List<OperatorClassDef.Member> ops = List.of(new OperatorClassDef.Member(1, c.operator, c.type, c.type, true));
            if (c.ivfflat) {
                r.operatorClass(new OperatorClassDef(c.opclassName, "ivfflat", c.type, c == VectorOpClass.VECTOR_L2,
                        ops, null));
            }
            if (c.hnsw) {
                r.operatorClass(new OperatorClassDef(c.opclassName, "hnsw", c.type, false, ops, null));
            }
        }
    }
}
