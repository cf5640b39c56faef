/**
 * Bound scalar expressions: typed, immutable trees evaluated row by row within a batch.
 *
 * <p>May use rustydb-core's type rules and the executor's batch; never the parser's AST.
 */
package io.rustydb.sql.expr;
