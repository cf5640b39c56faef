package io.rustydb.storage.wal;

import io.rustydb.core.DbException;

/**
 * Which {@link RecordHandler} handles each record type. Each module registers the handlers of the record types it
 * defines (see {@link WalRecordTypes} for the ranges) when a database opens.
 */
public final class RecordHandlers {
    private final RecordHandler[] handlers = new RecordHandler[256];

    /** Registers {@code handler} for {@code type}; a type has exactly one handler. */
    public void register(int type, RecordHandler handler) {
        if (handlers[type] != null) {
            throw DbException.internal("two handlers for WAL record type " + WalRecordTypes.name(type));
        }
        handlers[type] = handler;
    }

    /** The handler of {@code type}; an unknown type in a log is corruption. */
    public RecordHandler get(int type, String logName) {
        RecordHandler h = handlers[type & 0xFF];
        if (h == null) {
            throw DbException.corruption(logName, -1, "WAL record of unknown type " + type);
        }
        return h;
    }

    public boolean has(int type) {
        return handlers[type & 0xFF] != null;
    }
}
