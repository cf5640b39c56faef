/**
 * The lock manager: hierarchical lock modes ({@link io.rustydb.txn.lock.LockMode}), lock keys for the database,
 * tables, rows and transactions ({@link io.rustydb.txn.lock.LockKey}), wait policies
 * ({@link io.rustydb.txn.lock.LockWait}: lock timeout, NOWAIT, SKIP LOCKED) and the per-database
 * {@link io.rustydb.txn.lock.LockManager} with FIFO queues and waits-for-graph deadlock detection.
 *
 * <p>Locks are owned by transactions (ids), never by threads. The manager takes no intention locks on its own: a
 * caller that locks a row first locks the row's table in the matching intention mode ({@link
 * io.rustydb.txn.lock.LockKey#parent()} names it).
 *
 * <p>May use rustydb-core (errors) and the JDK; nothing else, not even the rest of rustydb-txn, so that the MVCC and
 * SQL layers can build on it without a cycle.
 */
package io.rustydb.txn.lock;
