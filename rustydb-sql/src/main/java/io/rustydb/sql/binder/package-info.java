/**
 * The binder: resolves names against the catalog, types every expression and builds logical plans.
 *
 * <p>One class per statement kind. May use JSqlParser's AST, the catalog, bound expressions and plans; never the
 * executor or storage directly.
 */
package io.rustydb.sql.binder;
