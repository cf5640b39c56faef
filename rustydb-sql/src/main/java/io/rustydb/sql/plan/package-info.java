/**
 * Bound statements and logical plans: the binder's output and the physical planner's input.
 *
 * <p>May use the catalog and bound expressions; knows nothing of JSqlParser or of operators.
 */
package io.rustydb.sql.plan;
