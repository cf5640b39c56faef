package io.rustydb.core.config;

/** When the write-ahead log is forced to stable storage (option {@code sync}). */
public enum SyncMode {
    /** fsync at every commit: a committed transaction survives a power failure. The default. */
    FULL,
    /**
     * fsync batched within a bounded delay: a power failure (not a process crash) may lose the transactions
     * committed in the last moments, but never corrupts the database.
     */
    NORMAL,
    /**
     * Never fsync; the operating system writes when it likes. A crash of the JVM loses nothing, but a power failure
     * or OS crash may lose recent commits and, because the OS need not keep write order, may leave the database
     * unreadable: for tests and data that can be rebuilt.
     */
    OFF
}
