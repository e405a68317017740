package io.pgsight.sql.analyze;

import io.pgsight.sql.ast.Query;
import io.pgsight.sql.exec.PlanNode;

/** Plans a nested query whose outer level is {@code scope} (implemented by the query planner). */
public interface SubqueryPlanner {
    PlanNode plan(Query q, Scope outer);
}
