package io.rustydb.sql.exec.spill;

/**
 * The memory one query may hold in the rows its operators keep (sort buffers, hash tables): the accountant that
 * tells an operator when to spill. Each operator execution that holds rows opens an {@link Account} and asks it
 * to {@link Account#tryGrow grow} before keeping more; a refusal means "write what you hold to a temporary file
 * and release it". Sizes are estimates ({@link RowSizes}).
 *
 * <p>Invariants: (1) {@code used} is the sum of the accounts' {@code held}; (2) a refused growth changes nothing;
 * (3) an account holding less than {@link #minimumShare()} is never refused, so that an operator started while
 * others hold the whole budget still makes progress (its runs or partitions are then small, not empty). One per
 * execution; not thread-safe (an execution runs on one thread).
 */
public final class MemoryBudget {
    /** The default budget: 64 MiB, as a connection's {@code work_mem} option says unless set. */
    public static final long DEFAULT_BYTES = 64L * 1024 * 1024;

    private final long limit;
    private long used;
    private long peak;

    public MemoryBudget(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("memory budget must be positive: " + limitBytes);
        }
        this.limit = limitBytes;
    }

    public long limit() {
        return limit;
    }

    /** The bytes all accounts hold now. */
    public long used() {
        return used;
    }

    /** The most held at once during the execution. */
    public long peak() {
        return peak;
    }

    /** What any one account may hold even when the budget is spent: an eighth of it. */
    public long minimumShare() {
        return limit / 8;
    }

    /** A new account with nothing held. */
    public Account open() {
        return new Account();
    }

    /** The bytes one operator execution holds. Release before closing, or use {@link #releaseAll()}. */
    public final class Account {
        private long held;

        private Account() {
        }

        /**
         * Takes {@code bytes} more if the budget allows (or this account holds less than its minimum share);
         * false, changing nothing, otherwise.
         */
        public boolean tryGrow(long bytes) {
            if (used + bytes > limit && held >= minimumShare()) {
                return false;
            }
            grow(bytes);
            return true;
        }

        /** Takes {@code bytes} more, over the budget if need be (what cannot be spilled). */
        public void grow(long bytes) {
            held += bytes;
            used += bytes;
            peak = Math.max(peak, used);
        }

        /** Gives back {@code bytes} (at most what is held). */
        public void release(long bytes) {
            long n = Math.min(bytes, held);
            held -= n;
            used -= n;
        }

        /** Gives back everything this account holds. */
        public void releaseAll() {
            used -= held;
            held = 0;
        }

        public long held() {
            return held;
        }

        /** The budget this account draws on. */
        public MemoryBudget budget() {
            return MemoryBudget.this;
        }
    }
}
