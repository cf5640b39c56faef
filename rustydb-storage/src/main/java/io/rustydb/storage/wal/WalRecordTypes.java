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
    /** A whole page as it was before its first change after a checkpoint (torn-page protection). */
    public static final int FULL_PAGE_IMAGE = 20;
    /** The bytes a write guard changed in a page ({@link io.rustydb.storage.page.PageDelta}). */
    public static final int PAGE_DELTA = 21;
    /** The allocation state of the file: page count, free list, root slots ({@link HeaderState}). */
    public static final int HEADER_STATE = 22;
    /** A page delta whose undo is by slot ({@link TupleChange}): every transactional change of a heap tuple. */
    public static final int TUPLE_DELTA = 23;
    /** The page deltas of one atomic change to several pages, redo-only ({@link MultiPageDelta}). */
    public static final int MULTI_PAGE_DELTA = 24;

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
            case PAGE_DELTA:
                return "PAGE_DELTA";
            case HEADER_STATE:
                return "HEADER_STATE";
            case TUPLE_DELTA:
                return "TUPLE_DELTA";
            case MULTI_PAGE_DELTA:
                return "MULTI_PAGE_DELTA";
            default:
                return "TYPE_" + type;
        }
    }
}
