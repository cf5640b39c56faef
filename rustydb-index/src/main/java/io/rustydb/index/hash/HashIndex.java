package io.rustydb.index.hash;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import io.rustydb.storage.buffer.WritePageGuard;
import io.rustydb.storage.wal.CurrentLog;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A hash index of buffer-pool pages for equality lookups: a multimap from byte-string keys (the binary-comparable
 * key encoding of the indexed columns) to {@code long} values (row ids). A key may have many values; each (key,
 * value) pair is stored at most once. Keys are placed by {@link KeyHash} (XXH64 with a per-index seed) and always
 * compared in full.
 *
 * <p><b>Why extendible hashing, not linear hashing.</b> Both grow one bucket at a time. Linear hashing splits
 * buckets in a fixed round-robin order, whichever bucket overflowed, so it needs overflow chains everywhere and a
 * load-factor trigger, i.e. an entry counter on a shared page that every insert must write (a hot write latch and a
 * log record per insert); and since pages come one at a time from the buffer pool's allocator, not in contiguous
 * runs, it would still need a bucket-number-to-page map, which is extendible hashing's directory anyway.
 * Extendible hashing splits exactly the bucket that is full, an insert writes nothing but its bucket page, and a
 * lookup costs three page latches (meta, directory page, bucket). Its known weakness, the directory doubling on
 * skewed hashes, is bounded here: a bucket only splits when both halves get a quarter page (below), and the
 * directory stops at {@link HashMetaPage#DEPTH_LIMIT} (or what the meta page can list), after which buckets chain.
 *
 * <p><b>Shape.</b>
 * <pre>
 *   meta page (fixed: the index's identity) --&gt; directory pages (2^G slots, G = global depth)
 *   slot i (the low G bits of a key's hash) --&gt; primary bucket page (local depth d &lt;= G, pointed to by
 *                                               the 2^(G-d) slots ending in its d-bit pattern)
 *                                               --&gt; overflow page --&gt; overflow page ... (its chain)
 * </pre>
 * When no page of a bucket's chain has room for a new entry, the bucket splits on hash bit {@code d} (its local
 * depth) if each side of that bit, the new entry counted, would hold at least a quarter page of entries (the
 * directory doubles first if {@code d == G}); otherwise a new overflow page is linked right behind the primary page.
 * Textbook extendible hashing splits as soon as the new key's bit differs from some entry's, and splits again until
 * it does; but a bucket full of one key's values (the usual reason a full bucket cannot be emptied by splitting) is
 * full again at once, so every other key hashed there splits it, mostly into an empty bucket, and deepens the
 * directory. Measured on the model test: splitting whenever some entry's bit differed from the new key's grew a
 * directory of 2^18 slots for 1,700 buckets; the quarter-page rule, 2^13 slots for 2,100 buckets. The price: the
 * few other keys hashed to a bucket dominated by one key share its chain
 * until they fill a quarter page. A split moves the smaller side of the chain's entries to a new bucket and
 * redirects that side's directory slots, so a long chain of one key's values stays where it is (if both sides are
 * long, more pages than a split may hold latched, the bucket chains instead). Buckets never merge and the directory
 * never shrinks; an overflow page emptied by a delete or a split is unlinked and freed.
 *
 * <p><b>Concurrency: latch coupling on the buffer pool's page latches, in one fixed order</b> — (1) the meta page,
 * (2) directory pages in ascending slot order, (3) a primary bucket page, (4) its overflow pages in chain order,
 * (5) pages just allocated (nobody else can reach them). A thread only ever requests a latch later in this order
 * than every latch it holds, so no cycle of waits can form. Chosen over a lock on the whole index because a lookup
 * must never wait for another bucket's I/O, and over optimistic version counters because the page latches and guards
 * already exist and need nothing on disk.
 * <ul>
 *   <li>Lookups read-latch meta, the slot's directory page, the primary page, then the chain, each latch released
 *       once the next is held, so no split can move entries between reading a slot and reading its bucket. Values
 *       are handed to the consumer after every latch is released.</li>
 *   <li>Inserts and deletes descend the same way but write-latch the primary page, which serializes every change to
 *       its chain; the chain's overflow pages are then read or written one at a time.</li>
 *   <li>A split re-descends with the meta page read-latched only until it holds write latches on exactly the
 *       directory pages holding the full bucket's slots (it learnt the bucket's depth on the first try and
 *       re-checks it), so lookups through other directory pages go on. A doubling write-latches the meta page
 *       (every operation waits at the top for that short copy: it happens once per doubling of the bucket
 *       count) and read-latches each directory page it copies, which waits out splits in progress.</li>
 * </ul>
 *
 * <p><b>Durability.</b> Every page change goes through write guards and so through the write-ahead log, always
 * redo-only, outside any transaction (many transactions share an index's pages; a rolled-back transaction's
 * entries stay and are skipped by the caller because the row does not hold that key any more). A split (entries
 * moved, new pages, directory slots redirected) and the linking of a new overflow page are each one {@link
 * BufferPool#atomically atomic page change}: recovery sees them whole or not at all. Two multi-page changes are
 * made crash-safe by their order instead, so that their log records stay small: a doubling first writes the new
 * upper half of the directory (slots no one reads while G is unchanged, on pages no one references yet) and
 * publishes it with one write of the meta page (up to 2^19 slots, 2 MiB, too much for one atomic record); a delete that
 * empties an overflow page logs the removal before the unlink, and an empty overflow page in a chain is valid.
 * Pages are freed after the change that unlinked them (a crash in between leaks the page, as a crash leaks pages
 * allocated by an unfinished atomic change; never the reverse).
 *
 * <p><b>Limits.</b> Keys of at most {@link #maxKeyLength()} bytes (a quarter of a page), longer ones are refused
 * with 54000. An insert checks the whole chain for the pair, so the cost of inserting under one key grows with the
 * number of values the key already has (pages of a few hundred entries each): a hash index suits keys with up to
 * some thousands of rows each; low-cardinality columns belong in a B+tree.
 */
public final class HashIndex {
    /** {@link #insertInPlace}: the pair was inserted. */
    private static final int INSERTED = -1;
    /** {@link #insertInPlace}: the pair was already there. */
    private static final int PRESENT = -2;
    private static final long[] NO_VALUES = new long[0];

    private final BufferPool pool;
    private final int metaPageNo;
    private final int pageSize;
    private final long hashSeed;
    private final int slotsPerPage;
    private final int maxDepth;
    private final int maxKeyLength;
    /** A split that would change more pages than this (all held latched until it is logged) chains instead. */
    private final int splitPageLimit;
    private final HashDirectory directory;
    private final BucketSplit splitter;

    private HashIndex(BufferPool pool, int metaPageNo, long hashSeed, int slotsPerPage, int maxDepth) {
        this.pool = pool;
        this.metaPageNo = metaPageNo;
        this.pageSize = pool.pageSize();
        this.hashSeed = hashSeed;
        this.slotsPerPage = slotsPerPage;
        this.maxDepth = maxDepth;
        // at least four entries of the largest key fit a page, so a split leaves pages with room to spare
        this.maxKeyLength = HashBucketPage.capacity(pageSize) / 4 - HashBucketPage.entrySize(0);
        this.splitPageLimit = Math.max(4, Math.min(64, pool.capacity() / 8));
        this.directory = new HashDirectory(pool, metaPageNo, slotsPerPage, maxDepth);
        this.splitter = new BucketSplit(pool);
    }

    /** Creates an empty index (a meta page, one directory page, one bucket) with a random hash seed. */
    public static HashIndex create(BufferPool pool) {
        return create(pool, new SecureRandom().nextLong());
    }

    /**
     * Creates an empty index whose keys are hashed with {@code hashSeed}: the same keys then land in the same
     * buckets in every run (tests, reproducible tools). {@link #create(BufferPool)} picks the seed at random, so
     * that keys made to collide in one database do not collide in another.
     */
    public static HashIndex create(BufferPool pool, long hashSeed) {
        return create(pool, hashSeed, HashDirectoryPage.capacity(pool.pageSize()));
    }

    /**
     * As {@link #create(BufferPool, long)}, with {@code slotsPerPage} slots per directory page instead of as many as
     * fit (1 to {@code (pageSize - 72) / 4}): a small index then already spreads its directory over many pages, as
     * only a large one otherwise does (tests of splits and doublings that span directory pages). Fewer slots per
     * page also lower the maximum directory depth (the meta page lists at most {@code (pageSize - 88) / 4} pages).
     */
    public static HashIndex create(BufferPool pool, long hashSeed, int slotsPerPage) {
        int pageSize = pool.pageSize();
        if (slotsPerPage < 1 || slotsPerPage > HashDirectoryPage.capacity(pageSize)) {
            throw new IllegalArgumentException("slots per directory page " + slotsPerPage + " outside 1.."
                    + HashDirectoryPage.capacity(pageSize));
        }
        int meta;
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            meta = pool.atomically(() -> {
                int bucket;
                try (WritePageGuard g = pool.newPage()) {
                    HashBucketPage.formatPrimary(g.buffer(), pageSize, g.pageNo(), 0, 0);
                    bucket = g.pageNo();
                }
                int directory;
                try (WritePageGuard g = pool.newPage()) {
                    HashDirectoryPage.format(g.buffer(), pageSize, g.pageNo(), 0);
                    HashDirectoryPage.setBucket(g.buffer(), 0, bucket);
                    directory = g.pageNo();
                }
                try (WritePageGuard g = pool.newPage()) {
                    HashMetaPage.format(g.buffer(), pageSize, g.pageNo(), hashSeed, slotsPerPage);
                    HashMetaPage.setDirectoryPageCount(g.buffer(), 1);
                    HashMetaPage.setDirectoryPage(g.buffer(), 0, directory);
                    return g.pageNo();
                }
            });
        }
        return open(pool, meta);
    }

    /** Opens the index whose meta page is {@code metaPageNo}; XX001 if that page is not a valid hash meta page. */
    public static HashIndex open(BufferPool pool, int metaPageNo) {
        try (ReadPageGuard g = pool.readPage(metaPageNo)) {
            ByteBuffer b = g.buffer();
            String file = pool.diskManager().name();
            if (!HashMetaPage.isMeta(b)) {
                throw DbException.corruption(file, metaPageNo, "not a hash index meta page");
            }
            if (HashMetaPage.version(b) != HashMetaPage.VERSION) {
                throw DbException.corruption(file, metaPageNo, "unsupported hash index layout version "
                        + HashMetaPage.version(b));
            }
            int slots = HashMetaPage.slotsPerPage(b);
            int max = HashMetaPage.maxDepth(b);
            int depth = HashMetaPage.globalDepth(b);
            if (slots < 1 || slots > HashDirectoryPage.capacity(pool.pageSize()) || max > 30
                    || (1L << max) > (long) HashMetaPage.maxDirectoryPages(pool.pageSize()) * slots || depth > max
                    || HashMetaPage.directoryPageCount(b) != HashMetaPage.pagesFor(depth, slots)) {
                throw DbException.corruption(file, metaPageNo, "hash index meta page is inconsistent (depth " + depth
                        + ", max depth " + max + ", " + slots + " slots per directory page, "
                        + HashMetaPage.directoryPageCount(b) + " directory pages)");
            }
            return new HashIndex(pool, metaPageNo, HashMetaPage.hashSeed(b), slots, max);
        }
    }

    /** The meta page: the index's fixed identity, to be recorded by the catalog and passed to {@link #open}. */
    public int metaPageNo() {
        return metaPageNo;
    }

    /** The longest key this index stores (a quarter of a page, less the entry overhead). */
    public int maxKeyLength() {
        return maxKeyLength;
    }

    private void checkKey(byte[] key) {
        if (key.length > maxKeyLength) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "index key of " + key.length
                    + " bytes exceeds the maximum of " + maxKeyLength + " bytes");
        }
    }

    BufferPool pool() {
        return pool;
    }

    long hashSeed() {
        return hashSeed;
    }

    int maxDepth() {
        return maxDepth;
    }

    // ------------------------------------------------------------------ descent

    /**
     * Read-latches the meta page, then the directory page of {@code hash}'s slot, and releases the meta page; the
     * slot's index in that page goes to {@code index[0]}.
     */
    private ReadPageGuard directoryFor(int hash, int[] index) {
        try (ReadPageGuard meta = pool.readPage(metaPageNo)) {
            ByteBuffer m = meta.buffer();
            if (!HashMetaPage.isMeta(m)) {
                throw corruption(metaPageNo, "the hash index's meta page is no longer a meta page");
            }
            int slot = hash & mask(HashMetaPage.globalDepth(m));
            int pageIndex = slot / slotsPerPage;
            index[0] = slot % slotsPerPage;
            ReadPageGuard dir = pool.readPage(HashMetaPage.directoryPage(m, pageIndex));
            if (!HashDirectoryPage.isDirectory(dir.buffer())
                    || HashDirectoryPage.firstSlot(dir.buffer()) != pageIndex * slotsPerPage) {
                int pageNo = dir.pageNo();
                dir.close();
                throw corruption(pageNo, "directory page " + pageIndex + " of hash index " + metaPageNo
                        + " is not a directory page for its slots");
            }
            return dir;
        }
    }

    /** Read latches down to the primary bucket page of {@code hash}. */
    private ReadPageGuard readPrimary(int hash) {
        int[] index = new int[1];
        try (ReadPageGuard dir = directoryFor(hash, index)) {
            return pool.readPage(HashDirectoryPage.bucket(dir.buffer(), index[0]));
        }
    }

    /** Read latches down to the directory, then the write latch of the primary bucket page of {@code hash}. */
    private WritePageGuard writePrimary(int hash) {
        int[] index = new int[1];
        try (ReadPageGuard dir = directoryFor(hash, index)) {
            return pool.writePage(HashDirectoryPage.bucket(dir.buffer(), index[0]));
        }
    }

    private static int mask(int depth) {
        return (int) ((1L << depth) - 1);
    }

    /** Checks that a page reached from the directory is the primary page of a bucket {@code hash} belongs to. */
    private void checkPrimary(HashBucketPage page, int pageNo, int hash) {
        if (!page.isPrimary()) {
            throw corruption(pageNo, "a hash directory slot points to a page that is not a bucket page");
        }
        if (page.depth() > maxDepth || (hash & mask(page.depth())) != page.pattern()) {
            throw corruption(pageNo, "hash bucket of depth " + page.depth() + " and pattern " + page.pattern()
                    + " is reached by a key it cannot hold");
        }
    }

    private void checkOverflow(HashBucketPage page, int pageNo, int primary) {
        if (!page.isOverflowOf(primary)) {
            throw corruption(pageNo, "the overflow chain of hash bucket " + primary + " reaches a page that is "
                    + "not one of its overflow pages");
        }
    }

    private DbException corruption(int pageNo, String detail) {
        return DbException.corruption(pool.diskManager().name(), pageNo, detail);
    }

    // ------------------------------------------------------------------ lookup

    /**
     * Passes every value stored under exactly {@code key} to {@code out} (in no particular order), after every
     * latch is released, so {@code out} may use the index. A key longer than {@link #maxKeyLength()} has none.
     */
    public void lookup(byte[] key, LongConsumer out) {
        for (long v : values(key)) {
            out.accept(v);
        }
    }

    /** Every value stored under exactly {@code key}, in no particular order (an empty array if none). */
    public long[] values(byte[] key) {
        if (key.length > maxKeyLength) {
            return NO_VALUES;
        }
        int hash = KeyHash.of(key, hashSeed);
        long[] found = NO_VALUES;
        int n = 0;
        HashBucketPage page = new HashBucketPage();
        ReadPageGuard g = readPrimary(hash);
        try {
            int primary = g.pageNo();
            checkPrimary(page.wrap(g.buffer(), pageSize), primary, hash);
            for (;;) {
                for (int i = page.lowerBound(hash, key); i < page.count() && page.matches(i, hash, key); i++) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, Math.max(4, 2 * n));
                    }
                    found[n++] = page.value(i);
                }
                int next = page.next();
                if (next == 0) {
                    break;
                }
                ReadPageGuard following = pool.readPage(next);
                g.close();
                g = following;
                checkOverflow(page.wrap(g.buffer(), pageSize), next, primary);
            }
        } finally {
            g.close();
        }
        return n == found.length ? found : Arrays.copyOf(found, n);
    }

    // ------------------------------------------------------------------ insert

    /**
     * Stores the pair ({@code key}, {@code value}).
     *
     * @return false (and nothing changed) if exactly this pair is already stored
     * @throws DbException 54000 if the key is longer than {@link #maxKeyLength()}
     */
    public boolean insert(byte[] key, long value) {
        checkKey(key);
        int hash = KeyHash.of(key, hashSeed);
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            for (;;) {
                int depth = insertInPlace(hash, key, value);
                if (depth == INSERTED || depth == PRESENT) {
                    return depth == INSERTED;
                }
                Restructure r = pool.atomically(() -> restructure(hash, key, value, depth));
                for (int pageNo : r.freed()) {
                    pool.freePage(pageNo); // after the change that unlinked it
                }
                switch (r.outcome()) {
                    case INSERTED -> {
                        return true;
                    }
                    case PRESENT -> {
                        return false;
                    }
                    case DOUBLE -> directory.doubleFrom(r.globalDepth());
                    case RETRY -> {
                        // the bucket split (or changed meanwhile): insert again from the top
                    }
                }
            }
        }
    }

    /**
     * The common case, with one write latch (the primary page's): inserts the pair into the first page of the
     * bucket's chain with room. Returns {@link #INSERTED}, {@link #PRESENT}, or, if no page has room, the bucket's
     * local depth.
     */
    private int insertInPlace(int hash, byte[] key, long value) {
        try (WritePageGuard primary = writePrimary(hash)) {
            HashBucketPage page = new HashBucketPage().wrap(primary.buffer(), pageSize);
            checkPrimary(page, primary.pageNo(), hash);
            int pos = page.find(hash, key, value);
            if (pos >= 0) {
                return PRESENT;
            }
            ChainScan scan = new ChainScan(page.fits(key.length) ? primary.pageNo() : 0);
            if (!scanOverflow(scan, primary.pageNo(), page.next(), hash, key, value, -1)) {
                return PRESENT;
            }
            if (scan.room == primary.pageNo()) {
                page.insertAt(-pos - 1, hash, key, value);
                return INSERTED;
            }
            if (scan.room != 0) {
                insertInto(scan.room, hash, key, value);
                return INSERTED;
            }
            return page.depth();
        }
    }

    private void insertInto(int pageNo, int hash, byte[] key, long value) {
        try (WritePageGuard g = pool.writePage(pageNo)) {
            HashBucketPage page = new HashBucketPage().wrap(g.buffer(), pageSize);
            page.insertAt(-page.find(hash, key, value) - 1, hash, key, value);
        }
    }

    /** What a walk over a bucket's chain found. */
    private static final class ChainScan {
        /** The first page with room for the new entry, 0 if none. */
        int room;
        /** Bytes and pages holding the entries whose hash bit {@code d} is 0 and 1 ({@code d} the local depth). */
        final long[] sideBytes = new long[2];
        final int[] sidePages = new int[2];

        ChainScan(int room) {
            this.room = room;
        }

        void count(HashBucketPage page, int depth) {
            boolean[] seen = new boolean[2];
            for (int i = 0; i < page.count(); i++) {
                int side = (page.hash(i) >>> depth) & 1;
                sideBytes[side] += HashBucketPage.entrySize(page.keyLength(i));
                seen[side] = true;
            }
            for (int side = 0; side < 2; side++) {
                sidePages[side] += seen[side] ? 1 : 0;
            }
        }
    }

    /**
     * Walks the overflow pages from {@code next} on, one read latch at a time (the caller holds the primary page's
     * write latch, so the chain cannot change), noting the first page with room for the key. With {@code depth >= 0}
     * it also counts what a split at that depth would move. Returns false if the pair is there.
     */
    private boolean scanOverflow(ChainScan scan, int primary, int next, int hash, byte[] key, long value,
                                 int depth) {
        HashBucketPage page = new HashBucketPage();
        while (next != 0) {
            try (ReadPageGuard g = pool.readPage(next)) {
                checkOverflow(page.wrap(g.buffer(), pageSize), next, primary);
                if (page.find(hash, key, value) >= 0) {
                    return false;
                }
                if (scan.room == 0 && page.fits(key.length)) {
                    scan.room = next;
                }
                if (depth >= 0) {
                    scan.count(page, depth);
                }
                next = page.next();
            }
        }
        return true;
    }

    /** What {@link #restructure} did, and the pages to free once its atomic change is logged. */
    private record Restructure(Outcome outcome, int globalDepth, List<Integer> freed) {
        static Restructure of(Outcome outcome) {
            return new Restructure(outcome, 0, List.of());
        }
    }

    private enum Outcome { INSERTED, PRESENT, RETRY, DOUBLE }

    /**
     * The bucket of {@code hash} was full at local depth {@code depthSeen}: runs inside one atomic page change and
     * either inserts after all (room appeared meanwhile), splits the bucket (then the caller inserts again), links a
     * new overflow page holding the entry, or asks the caller to double the directory first. Latches: the directory
     * pages holding the bucket's slots ({@link HashDirectory#latchSlots}), then the primary page and its chain.
     */
    private Restructure restructure(int hash, byte[] key, long value, int depthSeen) {
        try (HashDirectory.BucketSlots slots = directory.latchSlots(hash, depthSeen)) {
            int globalDepth = slots.globalDepth();
            int primaryNo = slots.bucket(hash & mask(globalDepth));
            try (WritePageGuard primary = pool.writePage(primaryNo)) {
                HashBucketPage page = new HashBucketPage().wrap(primary.buffer(), pageSize);
                checkPrimary(page, primaryNo, hash);
                int depth = page.depth();
                if (depth != depthSeen) {
                    return Restructure.of(Outcome.RETRY); // split by another thread since: start again
                }
                checkSlots(slots, page.pattern(), depth, primaryNo);
                if (page.find(hash, key, value) >= 0) {
                    return Restructure.of(Outcome.PRESENT);
                }
                ChainScan scan = new ChainScan(page.fits(key.length) ? primaryNo : 0);
                scan.count(page, depth);
                if (!scanOverflow(scan, primaryNo, page.next(), hash, key, value, depth)) {
                    return Restructure.of(Outcome.PRESENT);
                }
                if (scan.room == primaryNo) {
                    page.insertAt(-page.find(hash, key, value) - 1, hash, key, value);
                    return Restructure.of(Outcome.INSERTED);
                }
                if (scan.room != 0) {
                    insertInto(scan.room, hash, key, value);
                    return Restructure.of(Outcome.INSERTED);
                }
                // split on bit d only if each side, the new entry counted, holds a quarter page or more
                int side = (hash >>> depth) & 1;
                long[] sides = scan.sideBytes.clone();
                sides[side] += HashBucketPage.entrySize(key.length);
                int moving = scan.sideBytes[1] <= scan.sideBytes[0] ? 1 : 0;
                if (depth < maxDepth && Math.min(sides[0], sides[1]) >= HashBucketPage.capacity(pageSize) / 4) {
                    if (depth == globalDepth) {
                        return new Restructure(Outcome.DOUBLE, globalDepth, List.of());
                    }
                    // pages losing entries and the pages before them, the new chain, the directory pages
                    long changedPages = 2L * scan.sidePages[moving] + 1 + scan.sideBytes[moving]
                            / HashBucketPage.capacity(pageSize) + slots.pageCount();
                    if (changedPages <= splitPageLimit) {
                        return new Restructure(Outcome.RETRY, 0, splitter.split(primary, page, moving, slots));
                    }
                }
                linkOverflow(primary, page, hash, key, value);
                return Restructure.of(Outcome.INSERTED);
            }
        }
    }

    /** Every directory slot of a bucket (those ending in its pattern) must point to it. */
    private void checkSlots(HashDirectory.BucketSlots slots, int pattern, int depth, int primaryNo) {
        for (long slot = pattern; slot < 1L << slots.globalDepth(); slot += 1L << depth) {
            int bucket = slots.bucket(slot);
            if (bucket != primaryNo) {
                throw corruption(slots.pageNo(slot), "hash directory slot " + slot + " points to page " + bucket
                        + " instead of bucket " + primaryNo + " (depth " + depth + ")");
            }
        }
    }

    /** Links a new overflow page holding the entry right behind the primary page. */
    private void linkOverflow(WritePageGuard primary, HashBucketPage page, int hash, byte[] key, long value) {
        try (WritePageGuard g = pool.newPage()) {
            HashBucketPage.formatOverflow(g.buffer(), pageSize, g.pageNo(), primary.pageNo());
            HashBucketPage overflow = new HashBucketPage().wrap(g.buffer(), pageSize);
            overflow.insertAt(0, hash, key, value);
            overflow.setNext(page.next());
            page.setNext(g.pageNo());
        }
    }

    // ------------------------------------------------------------------ delete

    /**
     * Removes the pair ({@code key}, {@code value}).
     *
     * @return false if it was not stored
     */
    public boolean delete(byte[] key, long value) {
        if (key.length > maxKeyLength) {
            return false;
        }
        int hash = KeyHash.of(key, hashSeed);
        int unlinked;
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            try (WritePageGuard primary = writePrimary(hash)) {
                HashBucketPage page = new HashBucketPage().wrap(primary.buffer(), pageSize);
                checkPrimary(page, primary.pageNo(), hash);
                int pos = page.find(hash, key, value);
                if (pos >= 0) {
                    page.removeAt(pos);
                    return true;
                }
                // find the overflow page holding the pair and the page before it (the chain cannot change)
                int before = primary.pageNo();
                int at = page.next();
                HashBucketPage overflow = new HashBucketPage();
                for (;;) {
                    if (at == 0) {
                        return false;
                    }
                    try (ReadPageGuard g = pool.readPage(at)) {
                        checkOverflow(overflow.wrap(g.buffer(), pageSize), at, primary.pageNo());
                        if (overflow.find(hash, key, value) >= 0) {
                            break;
                        }
                        before = at;
                        at = overflow.next();
                    }
                }
                unlinked = removeFromOverflow(primary, page, before, at, hash, key, value);
            }
            if (unlinked != 0) {
                pool.freePage(unlinked); // unlinked, and every latch released
            }
            return true;
        }
    }

    /**
     * Removes the pair from overflow page {@code at}; if that empties it, unlinks it from page {@code before} and
     * returns it (to be freed), else returns 0. The removal is logged before the unlink (the page guards close in
     * that order), so a crash in between leaves an empty overflow page in the chain, which is valid.
     */
    private int removeFromOverflow(WritePageGuard primary, HashBucketPage primaryPage, int before, int at, int hash,
                                   byte[] key, long value) {
        WritePageGuard previous = before == primary.pageNo() ? null : pool.writePage(before);
        try {
            int next;
            try (WritePageGuard g = pool.writePage(at)) {
                HashBucketPage page = new HashBucketPage().wrap(g.buffer(), pageSize);
                page.removeAt(page.find(hash, key, value));
                if (page.count() > 0) {
                    return 0;
                }
                next = page.next();
            }
            HashBucketPage p = previous == null ? primaryPage : new HashBucketPage().wrap(previous.buffer(), pageSize);
            p.setNext(next);
            return at;
        } finally {
            if (previous != null) {
                previous.close();
            }
        }
    }

    // ------------------------------------------------------------------ whole-index walks

    /**
     * Calls {@code action} with every (key, value) pair, bucket by bucket (in no useful order): a vacuum sweep for
     * entries whose row is gone. The action may insert and delete; entries moved by a concurrent split may be missed
     * or seen twice.
     */
    public void forEachEntry(java.util.function.ObjLongConsumer<byte[]> action) {
        new HashPageWalk(pool, metaPageNo, pageSize).forEachEntry(action);
    }

    /** Frees every page of the index (DROP INDEX, after the dropping transaction committed). Nobody may use it. */
    public void drop() {
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            for (int pageNo : new HashPageWalk(pool, metaPageNo, pageSize).allPages()) {
                pool.freePage(pageNo);
            }
        }
    }

    // ------------------------------------------------------------------ structure check

    /**
     * Checks the whole index (call it when no writer runs): the meta page and every directory page; every slot
     * pointing to a primary bucket page whose depth d is at most G and whose pattern is the slot's low d bits, with
     * exactly 2^(G-d) slots pointing to each bucket; every chain made of this bucket's own overflow pages, free of
     * cycles and shared pages; every page's space bookkeeping; entries sorted within a page, each stored hash equal
     * to its key's hash and ending in its bucket's pattern, no pair twice in a chain, no key too long. Returns the
     * number of entries; throws IllegalStateException naming the page on the first violation.
     */
    public long checkStructure() {
        return new HashStructureCheck(this, metaPageNo, pageSize, maxKeyLength).run();
    }
}
