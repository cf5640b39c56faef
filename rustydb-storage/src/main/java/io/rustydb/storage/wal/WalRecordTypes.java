package io.rustydb.storage.wal;

/**
 * The record type codes of the write-ahead log, one range per module that defines records, so that codes never
 * collide and a log can be read without knowing every module:
 * <pre>
 *   1..19   transactions (rustydb-txn): begin, commit, abort, end, compensation, checkpoint
 *  20..59   storage (rustydb-storage): pages, heaps, free list, full page images
 *  60..99   indexes (rustydb-index)
 * 100..127  reserved
 * </pre>
 * Codes are part of the file format: never renumber one.
 */
public final class WalRecordTypes {
    // --- transactions
    public static final int TXN_COMMIT = 1;
    public static final int TXN_ABORT = 2;
    public static final int TXN_END = 3;
    public static final int COMPENSATION = 4;
    public static final int CHECKPOINT = 5;

    // --- storage
    public static final int FULL_PAGE_IMAGE = 20;
    public static final int HEAP_PAGE_INIT = 21;
    public static final int HEAP_INSERT = 22;
    public static final int HEAP_DELETE = 23;
    public static final int HEAP_UPDATE = 24;
    public static final int PAGE_ALLOCATE = 25;
    public static final int PAGE_FREE = 26;
    public static final int HEAP_LINK = 27;

    private WalRecordTypes() {
    }

    /** A readable name for logs and error messages. */
    public static String name(int type) {
        switch (type) {
            case TXN_COMMIT:
                return "COMMIT";
            case TXN_ABORT:
                return "ABORT";
            case TXN_END:
                return "END";
            case COMPENSATION:
                return "CLR";
            case CHECKPOINT:
                return "CHECKPOINT";
            case FULL_PAGE_IMAGE:
                return "FULL_PAGE_IMAGE";
            case HEAP_PAGE_INIT:
                return "HEAP_PAGE_INIT";
            case HEAP_INSERT:
                return "HEAP_INSERT";
            case HEAP_DELETE:
                return "HEAP_DELETE";
            case HEAP_UPDATE:
                return "HEAP_UPDATE";
            case PAGE_ALLOCATE:
                return "PAGE_ALLOCATE";
            case PAGE_FREE:
                return "PAGE_FREE";
            case HEAP_LINK:
                return "HEAP_LINK";
            default:
                return "TYPE_" + type;
        }
    }
}
