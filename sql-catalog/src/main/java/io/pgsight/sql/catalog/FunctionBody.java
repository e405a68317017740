package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.SetReturningFunction;

/**
 * What runs when a function is called. Native bodies come from the SPI; SQL-language bodies are
 * source text analysed at call time; {@link Procedural} is the door for LANGUAGE plpgsql, whose
 * handler the engine looks up by language name.
 */
public interface FunctionBody {
    record NativeScalar(ScalarFunction function) implements FunctionBody {
    }

    record NativeSet(SetReturningFunction function) implements FunctionBody {
    }

    /** LANGUAGE sql: the body's statements; the last one's result is the function's. */
    record Sql(String source) implements FunctionBody {
    }

    /** A window function (row_number, rank, lag ...): {@code kind} is the built-in's own descriptor. */
    record Window(Object kind) implements FunctionBody {
    }

    /** Any other language (plpgsql): interpreted by a registered language handler. */
    record Procedural(String language, String source) implements FunctionBody {
    }
}
