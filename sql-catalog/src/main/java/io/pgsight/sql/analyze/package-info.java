/**
 * Name and type resolution: raw expressions become immutable, typed {@link io.pgsight.sql.analyze.TExpr}
 * trees. {@link io.pgsight.sql.analyze.ExprAnalyzer} types literals as PostgreSQL does, resolves
 * operators and functions with {@link io.pgsight.sql.analyze.Resolver} (func_select_candidate's rules),
 * applies {@link io.pgsight.sql.analyze.Coercion} (unknown literals, casts by context, array casts, I/O
 * conversions) and reports PostgreSQL's errors with positions.
 */
package io.pgsight.sql.analyze;
