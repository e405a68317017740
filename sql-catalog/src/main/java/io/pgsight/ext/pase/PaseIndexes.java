package io.pgsight.ext.pase;

import io.pgsight.sql.spi.AccessMethodDef;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.OperatorClassDef;
import java.util.List;

/** Access methods pase_hnsw and pase_ivfflat and their four default operator classes. */
final class PaseIndexes {
    private PaseIndexes() {
    }

    static void register(ExtensionRegistry r) {
        r.accessMethod(new AccessMethodDef("pase_hnsw", new PaseIndexMethod(PaseIndexMethod.Kind.HNSW), null));
        r.accessMethod(new AccessMethodDef("pase_ivfflat", new PaseIndexMethod(PaseIndexMethod.Kind.IVFFLAT), null));
        r.operatorClass(opclass("pase_hnsw_ops", "pase_hnsw", "real[]", "<?>"));
        r.operatorClass(opclass("pase_hnsw_text_ops", "pase_hnsw", "text", "<!>"));
        r.operatorClass(opclass("pase_ivfflat_float_ops", "pase_ivfflat", "real[]", "<#>"));
        r.operatorClass(opclass("pase_ivfflat_text_ops", "pase_ivfflat", "text", "<!>"));
    }

    private static OperatorClassDef opclass(String name, String am, String type, String op) {
        return new OperatorClassDef(name, am, type, true,
                List.of(new OperatorClassDef.Member(1, op, type, PaseType.NAME, true)), null);
    }
}
