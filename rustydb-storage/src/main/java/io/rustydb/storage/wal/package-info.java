/**
 * The write-ahead log: record layout, segment files, the log writer with group commit, and a scanner for
 * recovery. Modules define their own record types ({@link io.rustydb.storage.wal.WalRecordTypes}) and register
 * redo/undo handlers with recovery in rustydb-txn.
 *
 * <p>Uses rustydb-core and JCTools; knows nothing of transactions' meaning or of SQL.
 */
package io.rustydb.storage.wal;
