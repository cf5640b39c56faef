package io.rustydb.sql.plan;

import io.rustydb.sql.expr.Expr;

/**
 * A bound CHECK constraint: a row violates it when {@code condition}, evaluated over the row's columns in table
 * order, is FALSE (TRUE and NULL pass, as the standard says).
 */
public record CheckConstraint(String name, Expr condition) {
}
