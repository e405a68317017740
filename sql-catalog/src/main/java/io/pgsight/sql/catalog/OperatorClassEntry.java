package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.PgType;

import java.util.List;

/** A pg_opclass row with its operators (pg_amop) and optional own implementation. */
public record OperatorClassEntry(int oid, String name, String accessMethod, PgType indexedType, boolean isDefault,
                                 List<OperatorClassDef.Member> members, IndexAccessMethod implementation,
                                 OperatorClassDef definition, String extension) {
    public OperatorClassEntry {
        members = List.copyOf(members);
    }

    public boolean hasOrderingOperator(String symbol) {
        return members.stream().anyMatch(m -> m.ordering() && m.symbol().equals(symbol));
    }
}
