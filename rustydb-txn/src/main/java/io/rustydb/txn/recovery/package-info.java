/**
 * Crash recovery (ARIES: analysis, redo, undo) and the checkpoint record.
 *
 * <p>Drives the redo/undo handlers that each module registers for its own log records; may use rustydb-storage's
 * WAL and rustydb-core.
 */
package io.rustydb.txn.recovery;
