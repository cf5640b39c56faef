/**
 * Transactions: begin, commit (group commit through the WAL), rollback and savepoints, and the locks that keep
 * transactions apart.
 *
 * <p>Layer 4: may use rustydb-core and rustydb-storage; never the SQL layer.
 */
package io.rustydb.txn;
