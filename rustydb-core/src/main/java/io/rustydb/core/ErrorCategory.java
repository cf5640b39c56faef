package io.rustydb.core;

/** What kind of failure an {@link ErrorCode} describes, so callers can react without parsing SQLSTATEs. */
public enum ErrorCategory {
    /** The statement or its input was wrong; the database is fine and the session goes on. */
    USER,
    /** A transaction conflict (serialization failure, deadlock, lock timeout): retrying may succeed. */
    CONFLICT,
    /** The machine ran out of something (disk, memory, frames) or an I/O call failed. */
    RESOURCE,
    /** Stored data failed a check (checksum, magic number, format version): never returned as rows. */
    CORRUPTION,
    /** A bug in RustyDB: an invariant did not hold. */
    INTERNAL
}
