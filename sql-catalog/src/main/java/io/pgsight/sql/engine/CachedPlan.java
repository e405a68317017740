package io.pgsight.sql.engine;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.settings.SessionSettings;

import java.util.function.Supplier;

/**
 * The plan of a prepared query, kept between executions (PostgreSQL's plan cache): replanned only when
 * the schema or one of the session's settings changed since it was made. Plans are re-openable (all
 * execution state lives in the ExecContext), so reuse is safe. One per prepared statement, used by the
 * owning session only.
 */
final class CachedPlan {
    private PlanNode plan;
    private long schemaGeneration;
    private long settingsGeneration;

    PlanNode get(SessionSettings settings, Supplier<PlanNode> planner) {
        long schema = Catalog.schemaGeneration();
        long set = settings.generation();
        if (plan == null || schema != schemaGeneration || set != settingsGeneration) {
            plan = null; // a failed replan must not leave the stale plan behind
            PlanNode fresh = planner.get();
            // a change while planning (another session's DDL) makes this plan suspect: use it once only
            if (Catalog.schemaGeneration() == schema) {
                plan = fresh;
                schemaGeneration = schema;
                settingsGeneration = set;
            }
            return fresh;
        }
        return plan;
    }
}
