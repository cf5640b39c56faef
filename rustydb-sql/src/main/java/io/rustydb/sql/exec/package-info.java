/**
 * The vectorized executor: immutable physical operators whose per-execution state pulls {@link
 * io.rustydb.sql.exec.RowBatch column batches} from its inputs, and the physical planner that builds them.
 *
 * <p>May use storage (heaps, row codec), the catalog, bound expressions and plans; never JSqlParser.
 */
package io.rustydb.sql.exec;
