package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.types.BuiltinTypes;
import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.Volatility;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The compiled form of a float8 kernel gives the tree walk's values, NULLs and errors, bit for bit. */
class Float8CompilerTest {
    private static final PgType FLOAT8 = BuiltinTypes.byName("float8");

    private static OperatorEntry operator(String symbol, String function) {
        FunctionEntry f = new FunctionEntry(0, "pg_catalog", function, List.of(FLOAT8, FLOAT8), List.of("", ""), FLOAT8,
                false, true, Volatility.IMMUTABLE, new FunctionBody.NativeScalar((ctx, a) -> null), List.of(), null, null,
                false);
        return new OperatorEntry(0, "pg_catalog", symbol, FLOAT8, FLOAT8, f, null, null, null, null);
    }

    private static final OperatorEntry PLUS = operator("+", "float8pl");
    private static final OperatorEntry MINUS = operator("-", "float8mi");
    private static final OperatorEntry TIMES = operator("*", "float8mul");
    private static final OperatorEntry DIVIDE = operator("/", "float8div");

    private static TExpr column(int i) {
        return new TExpr.Var(0, i, FLOAT8, -1, "c" + i, null);
    }

    private static TExpr constant(double v) {
        return new TExpr.Const(v, FLOAT8, -1, -1);
    }

    private static TExpr.Op op(OperatorEntry o, TExpr l, TExpr r) {
        return new TExpr.Op(o, l, r, FLOAT8);
    }

    /** Value bits, or the error's SQLSTATE and message. */
    private static String outcome(java.util.function.DoubleSupplier eval) {
        try {
            double d = eval.getAsDouble();
            return Float8Kernel.isNull(d) ? "NULL" : Long.toHexString(Double.doubleToRawLongBits(d));
        } catch (SqlException e) {
            return e.sqlState() + " " + e.getMessage();
        }
    }

    private static void assertSameAsWalk(TExpr.Op root, Object[][] rows) {
        Float8Kernel k = root.kernel();
        assertNotNull(k);
        Float8Compiler.Program compiled = Float8Compiler.compile(k);
        assertNotNull(compiled, "compiles");
        for (Object[] row : rows) {
            EvalContext c = new EvalContext(null, row, null);
            assertEquals(outcome(() -> k.walk(c)), outcome(() -> compiled.run(c)), java.util.Arrays.toString(row));
        }
    }

    @Test
    void mixedTreeAgreesWithTheWalkIncludingNullsAndErrors() {
        // ((c0 * 1.5) - (c1 / 3)) + (c0 / c1)
        TExpr.Op root = op(PLUS, op(MINUS, op(TIMES, column(0), constant(1.5)), op(DIVIDE, column(1), constant(3))),
                op(DIVIDE, column(0), column(1)));
        assertSameAsWalk(root, new Object[][] {
            {2.0, 7.0}, {-0.0, 1e-300}, {1e308, 1e-308}, {Double.NaN, 0.0}, {1.0, 0.0}, {null, 2.0}, {3.0, null},
            {Double.POSITIVE_INFINITY, 1.0}, {1e-300, 1e300}, {5.0f, 3}});
    }

    @Test
    void deepTreesCompile() {
        TExpr e = column(0);
        for (int i = 0; i < 300; i++) {
            e = op(i % 2 == 0 ? PLUS : TIMES, e, i % 3 == 0 ? column(1) : constant(1.0 + i / 1000.0));
        }
        TExpr right = column(1);
        for (int i = 0; i < 300; i++) {
            right = op(MINUS, constant(i), right); // nested on the right: the operand stack grows
        }
        assertSameAsWalk(op(PLUS, (TExpr.Op) e, right), new Object[][] {{1.0, 0.5}, {-2.0, 3.0}, {null, 1.0}});
    }
}
