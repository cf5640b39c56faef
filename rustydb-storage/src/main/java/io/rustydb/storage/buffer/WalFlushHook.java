package io.rustydb.storage.buffer;

/**
 * The write-ahead rule's hook: before the buffer pool writes a dirty page whose page LSN is greater than 0, it
 * calls {@link #flushUpTo(long)} with that LSN, and the WAL must return only once the log is durable up to it.
 * The WAL (a later module) installs its implementation with {@link BufferPool#setWalFlushHook}.
 */
@FunctionalInterface
public interface WalFlushHook {
    /** The default hook: there is no WAL, nothing to wait for. */
    WalFlushHook NONE = lsn -> { };

    /** Returns once the log is durable up to and including {@code lsn}. */
    void flushUpTo(long lsn);
}
