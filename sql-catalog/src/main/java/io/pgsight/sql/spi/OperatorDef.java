package io.pgsight.sql.spi;

/**
 * A binary operator (leftType null for a prefix operator) implemented by the registered function
 * {@code functionName(leftType, rightType)}; its result type is that function's.
 */
public record OperatorDef(String symbol, String leftType, String rightType, String functionName, String commutator,
                          String negator, String comment) {
}
