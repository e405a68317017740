package io.pgsight.sql.spi;

import java.util.List;

/**
 * An operator class: which column type it indexes, which operators it answers (strategy numbers as
 * in pg_amop; ordering operators are those used in ORDER BY col op value) and, optionally, its own
 * implementation of the access method (for opclasses of a generic method such as gist, whose
 * behaviour is the opclass's support functions).
 */
public record OperatorClassDef(String name, String accessMethod, String indexedType, boolean isDefault,
                               List<Member> operators, IndexAccessMethod implementation) {
    public OperatorClassDef {
        operators = List.copyOf(operators);
    }

    /** One operator of the class: {@code ordering} true for ORDER BY operators (amoppurpose 'o'). */
    public record Member(int strategy, String symbol, String leftType, String rightType, boolean ordering) {
    }
}
