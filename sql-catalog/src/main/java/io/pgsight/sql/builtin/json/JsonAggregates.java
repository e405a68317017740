package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.Member;
import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * json_agg / jsonb_agg (NULL inputs become JSON null; no rows give SQL NULL) and json_object_agg /
 * jsonb_object_agg (a NULL key is an error; json keeps every pair as written, jsonb the last per key).
 */
public final class JsonAggregates {
    private JsonAggregates() {
    }

    public static void register(CatalogWriter w) {
        w.aggregate("json_agg", "json", false, JsonArrayAgg::new, "anyelement");
        w.aggregate("jsonb_agg", "jsonb", false, JsonbArrayAgg::new, "anyelement");
        w.aggregate("json_object_agg", "json", false, JsonObjectAgg::new, "any", "any");
        w.aggregate("jsonb_object_agg", "jsonb", false, JsonbObjectAgg::new, "any", "any");
    }

    private abstract static class Collecting implements AggregateState {
        @Override
        public boolean keepsInputs() {
            return true;
        }

        @Override
        public boolean keepsArgumentArray() {
            return false;
        }
    }

    private static final class JsonArrayAgg extends Collecting {
        private StringBuilder sb;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            boolean first = sb == null;
            sb = first ? new StringBuilder("[") : sb.append(", ");
            PgType type = ToJson.typeOf(ctx, 0, args[0]);
            if (!first && (args[0] instanceof PgArray || (args[0] instanceof Object[] && type != null
                    && type.fieldNames() != null))) {
                sb.append("\n "); // json_agg puts arrays and rows after the first on their own lines
            }
            ToJson.appendJson(sb, ctx, type, args[0]);
        }

        @Override
        public Object result(FunctionContext ctx) {
            return sb == null ? null : sb + "]";
        }
    }

    private static final class JsonbArrayAgg extends Collecting {
        private List<JsonbValue> values;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            if (values == null) {
                values = new ArrayList<>();
            }
            values.add(ToJson.jsonb(ctx, ToJson.typeOf(ctx, 0, args[0]), args[0]));
        }

        @Override
        public Object result(FunctionContext ctx) {
            return values == null ? null : new JArray(values);
        }
    }

    private static String key(FunctionContext ctx, Object[] args) {
        if (args[0] == null) {
            throw new SqlException("22023", "field name must not be null");
        }
        return JsonBuild.keyText(ctx, 0, args[0]);
    }

    private static final class JsonObjectAgg extends Collecting {
        private StringBuilder sb;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            String key = key(ctx, args);
            sb = sb == null ? new StringBuilder("{ ") : sb.append(", ");
            JsonbOutput.quote(sb, key);
            sb.append(" : ");
            ToJson.appendJson(sb, ctx, ToJson.typeOf(ctx, 1, args[1]), args[1]);
        }

        @Override
        public Object result(FunctionContext ctx) {
            return sb == null ? null : sb + " }";
        }
    }

    private static final class JsonbObjectAgg extends Collecting {
        private List<Member> members;

        @Override
        public void add(FunctionContext ctx, Object[] args) {
            String key = key(ctx, args);
            if (members == null) {
                members = new ArrayList<>();
            }
            members.add(new Member(key, ToJson.jsonb(ctx, ToJson.typeOf(ctx, 1, args[1]), args[1])));
        }

        @Override
        public Object result(FunctionContext ctx) {
            return members == null ? null : JObject.of(members);
        }
    }
}
