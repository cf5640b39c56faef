package io.rustydb.index.btree;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import io.rustydb.storage.buffer.WritePageGuard;
import io.rustydb.storage.wal.CurrentLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A B+tree of buffer-pool pages ({@link BTreeNode}) mapping unique byte-string keys (unsigned order: the
 * binary-comparable key encoding) to {@code long} values (row ids). A non-unique index makes its keys unique by
 * appending the row id to the encoded columns.
 *
 * <p><b>Shape.</b> The root page never moves: when it splits, its entries go to two new children and it becomes
 * their parent, so the tree is known by its root page number alone. Leaves are linked left to right. Inner nodes
 * hold separators cut to the shortest prefix that still separates (suffix truncation), so they stay short.
 *
 * <p><b>Deletes and rebalancing.</b> A non-root node has underflowed when its entries (with their offset slots)
 * take less than a quarter of the page. A quarter rather than the textbook half: an entry takes at most a quarter
 * page, so two leaves too big for one page always share out into halves of more than a quarter each, and a node
 * fresh from a split (about half full) has to lose half its bytes before it merges, so inserts and deletes around
 * one spot do not alternate splits and merges. An underflowed node is merged with an adjacent sibling under the
 * same parent if both fit one page — always the right node into the left one, so that the {@code next} link into
 * the left one stays valid (there are no back links); an inner merge takes the parent's separator down between
 * them — and otherwise the two share their entries out evenly by bytes and the separator between them is
 * replaced. The parent thus loses or changes a separator and may underflow in turn, or split (a new separator
 * may be longer than the old one); an inner root left with a single child takes that child's content, so the root
 * page stays where it is and the tree is one level lower. Guaranteed: no node but a root leaf is empty, an inner
 * node has at least two children. Not guaranteed: a byte minimum — the last node of each level of a bulk load, or
 * the right half of an inner split with long separators, may hold less than a quarter until a delete in it
 * rebalances it.
 *
 * <p><b>Concurrency: latch coupling (crabbing) on the buffer pool's page latches,</b> chosen because it needs no
 * extra structure on disk and no version counters. Latches are always taken top-down and, within a level, left to
 * right (as scans follow the leaf chain), so they never deadlock.
 * <ul>
 *   <li>Readers take the child's read latch, then release the parent's.</li>
 *   <li>Writers first go down optimistically the same way and write-latch only the leaf; if the change fits
 *       there (the common case: an insert without a split, a delete that leaves the leaf at least a quarter full)
 *       that is all. Otherwise they go down again with write latches, releasing every ancestor as soon as the
 *       node below is "safe", and change the held nodes bottom-up. For an insert, safe means it cannot split. For a
 *       delete, it means it can neither underflow by losing an entry nor overflow by getting a longer separator;
 *       a delete also write-latches the sibling of every unsafe node (letting go of the node to take a left
 *       sibling first).</li>
 *   <li>Scans copy the entries they need out of one leaf at a time and hold no latch between calls; the next
 *       leaf is found again from the root by the last key returned, so concurrent splits and merges never make a
 *       scan skip or repeat an entry.</li>
 * </ul>
 *
 * <p><b>Freeing pages.</b> A page that leaves the tree (the right node of a merge, the last child of a collapsing
 * root) is returned to the file's free list right after the atomic change that unlinked it has closed (the buffer
 * pool refuses it earlier). Nobody can be on it then or reach it later: every way to a node goes through a latch
 * on a node that points to it (its parent, or for a leaf the leaf on its left) held while the node's own latch is
 * taken, and the delete unlinked the page while holding the write latches of its parent, its left neighbour and
 * the page itself — so whoever was on the page had left it, and nobody can have been waiting for it. Scans keep
 * keys between calls, never page numbers. So the page can go back to the file at once; no tree-local free list or
 * deferred reclamation is needed.
 *
 * <p><b>Durability.</b> Every page change goes through write guards and so through the write-ahead log, always
 * redo-only (outside any transaction: many transactions share an index's pages, so none may put them back; a
 * rolled-back transaction's entries stay and are skipped because the row they point to does not hold their key
 * any more). A split, and a delete that rebalances, changes several pages in one
 * {@link io.rustydb.storage.buffer.AtomicPageChange}, so recovery sees it whole or not at all; a crash between
 * it and the freeing of the pages it unlinked leaks those pages, never entries.
 */
public final class BPlusTree {
    /** What {@link #get} returns for a missing key. */
    public static final long NOT_FOUND = -1;

    private final BufferPool pool;
    private final int rootPageNo;
    private final int pageSize;
    private final int maxKeyLength;
    /** Bytes of a node's entry area (offset slots and entries). */
    private final int capacity;
    /** Below this many used bytes a non-root node has underflowed: a quarter of {@link #capacity}. */
    private final int minFill;
    /** The space the longest entry takes: {@code entrySize(maxKeyLength)}, at most a quarter of the capacity. */
    private final int maxEntrySize;

    private BPlusTree(BufferPool pool, int rootPageNo) {
        this.pool = pool;
        this.rootPageNo = rootPageNo;
        this.pageSize = pool.pageSize();
        this.capacity = pageSize - BTreeNode.OFFSETS;
        // at least four entries of the largest key fit a node, so a split always leaves room on both sides
        this.maxKeyLength = capacity / 4 - BTreeNode.entrySize(0);
        this.maxEntrySize = BTreeNode.entrySize(maxKeyLength);
        this.minFill = capacity / 4;
    }

    /** Creates an empty tree (one leaf, the root). */
    public static BPlusTree create(BufferPool pool) {
        int pageNo;
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null);
             WritePageGuard g = pool.newPage()) {
            pageNo = g.pageNo();
            BTreeNode.format(g.buffer(), pool.pageSize(), pageNo, true, 0);
        }
        return new BPlusTree(pool, pageNo);
    }

    /**
     * Builds a tree from {@code entries} in strictly increasing key order (CREATE INDEX on a filled table), bottom
     * up: leaves filled to {@code fillFactor} (0.5..1) of a page left to right, then each inner level over the one
     * below, so every page is written once. Much faster than inserting one by one, and denser (random inserts
     * leave pages about 70 % full).
     *
     * @throws IllegalArgumentException if the keys are not strictly increasing
     * @throws DbException 54000 for a key longer than {@link #maxKeyLength()}
     */
    public static BPlusTree bulkLoad(BufferPool pool, java.util.Iterator<Entry> entries, double fillFactor) {
        if (fillFactor < 0.5 || fillFactor > 1) {
            throw new IllegalArgumentException("fill factor " + fillFactor + " outside 0.5..1");
        }
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            return bulkLoadPages(pool, entries, fillFactor);
        }
    }

    private static BPlusTree bulkLoadPages(BufferPool pool, java.util.Iterator<Entry> entries, double fillFactor) {
        BPlusTree tree = create(pool);
        int pageSize = pool.pageSize();
        int budget = (int) ((pageSize - BTreeNode.OFFSETS) * fillFactor);
        // level 0: leaves; each level is a list of (first key, page) for the level above
        List<BTreeNode.Entry> level = new ArrayList<>();
        List<BTreeNode.Entry> page = new ArrayList<>();
        int used = 0;
        byte[] previous = null;
        int lastLeaf = 0;
        while (entries.hasNext()) {
            Entry e = entries.next();
            tree.checkKey(e.key());
            if (previous != null && Arrays.compareUnsigned(previous, e.key()) >= 0) {
                throw new IllegalArgumentException("bulk load needs strictly increasing keys");
            }
            previous = e.key();
            int size = BTreeNode.entrySize(e.key().length);
            if (!page.isEmpty() && used + size > budget) {
                lastLeaf = tree.writeLeaf(page, lastLeaf, level);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(new BTreeNode.Entry(e.key(), e.value()));
            used += size;
        }
        if (level.isEmpty()) {
            // everything fits the root leaf
            try (WritePageGuard g = pool.writePage(tree.rootPageNo)) {
                new BTreeNode().wrap(g.buffer(), pageSize).rewrite(page);
            }
            return tree;
        }
        if (!page.isEmpty()) {
            tree.writeLeaf(page, lastLeaf, level);
        }
        int height = 0;
        while (true) {
            height++;
            // the level fits one node: it becomes the root
            long total = 0;
            for (int i = 1; i < level.size(); i++) {
                total += BTreeNode.entrySize(level.get(i).key().length);
            }
            if (total <= pageSize - BTreeNode.OFFSETS) {
                try (WritePageGuard g = pool.writePage(tree.rootPageNo)) {
                    BTreeNode.format(g.buffer(), pageSize, tree.rootPageNo, false, height);
                    BTreeNode root = new BTreeNode().wrap(g.buffer(), pageSize);
                    root.setLeftmost((int) level.get(0).value());
                    root.rewrite(level.subList(1, level.size()));
                }
                return tree;
            }
            List<BTreeNode.Entry> above = new ArrayList<>();
            int i = 0;
            while (i < level.size()) {
                // an inner node: the first child is its leftmost, the following ones carry their first keys
                int leftmost = (int) level.get(i).value();
                byte[] firstKey = level.get(i).key();
                List<BTreeNode.Entry> node = new ArrayList<>();
                int nodeUsed = 0;
                int capacity = pageSize - BTreeNode.OFFSETS;
                i++;
                while (i < level.size()) {
                    int size = BTreeNode.entrySize(level.get(i).key().length);
                    boolean last = i == level.size() - 1;
                    if (!node.isEmpty() && nodeUsed + size > budget && !(last && nodeUsed + size <= capacity)) {
                        break;
                    }
                    node.add(level.get(i));
                    nodeUsed += size;
                    i++;
                }
                if (i == level.size() - 1 && node.size() >= 2) {
                    i--; // never leave one child alone for the next node: it would have no entry
                    node.remove(node.size() - 1);
                }
                above.add(new BTreeNode.Entry(firstKey, tree.newNode(false, height, node, leftmost, 0)));
            }
            level = above;
        }
    }

    /** Writes one bulk-loaded leaf after {@code previousLeaf}, records (first key, page) in {@code level}. */
    private int writeLeaf(List<BTreeNode.Entry> entries, int previousLeaf, List<BTreeNode.Entry> level) {
        int leaf = newNode(true, 0, entries, 0, 0);
        if (previousLeaf != 0) {
            try (WritePageGuard g = pool.writePage(previousLeaf)) {
                new BTreeNode().wrap(g.buffer(), pageSize).setNext(leaf);
            }
        }
        level.add(new BTreeNode.Entry(entries.get(0).key(), leaf));
        return leaf;
    }

    /** A key and its value, for {@link #bulkLoad}. */
    public record Entry(byte[] key, long value) {
    }

    /** Opens the tree whose root is {@code rootPageNo}; XX001 if that page is not a B+tree node. */
    public static BPlusTree open(BufferPool pool, int rootPageNo) {
        try (ReadPageGuard g = pool.readPage(rootPageNo)) {
            if (!new BTreeNode().wrap(g.buffer(), pool.pageSize()).isNode()) {
                throw DbException.corruption(pool.diskManager().name(), rootPageNo, "not a B+tree node");
            }
        }
        return new BPlusTree(pool, rootPageNo);
    }

    public int rootPageNo() {
        return rootPageNo;
    }

    /** Levels from the root to the leaves: 1 while the root is a leaf. */
    public int height() {
        try (ReadPageGuard g = pool.readPage(rootPageNo)) {
            BTreeNode root = new BTreeNode().wrap(g.buffer(), pageSize);
            checkNode(root, rootPageNo);
            return root.level() + 1;
        }
    }

    /** The longest key this tree stores (a quarter of a page, less the entry overhead). */
    public int maxKeyLength() {
        return maxKeyLength;
    }

    private void checkKey(byte[] key) {
        if (key.length > maxKeyLength) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "index key of " + key.length
                    + " bytes exceeds the maximum of " + maxKeyLength + " bytes");
        }
    }

    // ------------------------------------------------------------------ lookup

    /** The value stored under {@code key}, or {@link #NOT_FOUND}. */
    public long get(byte[] key) {
        BTreeNode node = new BTreeNode();
        ReadPageGuard g = pool.readPage(rootPageNo);
        try {
            for (;;) {
                node.wrap(g.buffer(), pageSize);
                checkNode(node, g.pageNo());
                if (node.isLeaf()) {
                    int pos = node.lowerBound(key);
                    return pos < node.count() && node.compare(pos, key) == 0 ? node.value(pos) : NOT_FOUND;
                }
                ReadPageGuard child = pool.readPage(node.child(node.childIndexFor(key)));
                g.close();
                g = child;
            }
        } finally {
            g.close();
        }
    }

    private void checkNode(BTreeNode node, int pageNo) {
        if (!node.isNode()) {
            throw DbException.corruption(pool.diskManager().name(), pageNo, "a B+tree path reaches a page that is "
                    + "not a B+tree node");
        }
    }

    // ------------------------------------------------------------------ insert

    /**
     * Stores {@code value} under {@code key}.
     *
     * @return false (and nothing changed) if the key is already present
     * @throws DbException 54000 if the key is longer than {@link #maxKeyLength()}
     */
    public boolean insert(byte[] key, long value) {
        checkKey(key);
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            Boolean done = insertOptimistic(key, value);
            if (done != null) {
                return done;
            }
            return pool.atomically(() -> insertPessimistic(key, value));
        }
    }

    /** Read-latch descent, write latch on the leaf only; null if the leaf would have to split. */
    private Boolean insertOptimistic(byte[] key, long value) {
        WritePageGuard leaf = descendToLeafForWrite(key);
        try {
            BTreeNode node = new BTreeNode().wrap(leaf.buffer(), pageSize);
            int pos = node.lowerBound(key);
            if (pos < node.count() && node.compare(pos, key) == 0) {
                return false;
            }
            if (!node.fits(key.length)) {
                return null;
            }
            node.insertAt(pos, key, value);
            return true;
        } finally {
            leaf.close();
        }
    }

    /** Read latches down to the leaf's parent, then the leaf's write latch. */
    private WritePageGuard descendToLeafForWrite(byte[] key) {
        BTreeNode node = new BTreeNode();
        // the root may itself be the leaf: check under a write latch then
        WritePageGuard rootWrite = null;
        ReadPageGuard g = pool.readPage(rootPageNo);
        node.wrap(g.buffer(), pageSize);
        checkNode(node, rootPageNo);
        if (node.isLeaf()) {
            g.close();
            rootWrite = pool.writePage(rootPageNo);
            node.wrap(rootWrite.buffer(), pageSize);
            if (node.isLeaf()) {
                return rootWrite;
            }
            // the root split meanwhile: start again
            rootWrite.close();
            return descendToLeafForWrite(key);
        }
        try {
            for (;;) {
                int child = node.child(node.childIndexFor(key));
                if (node.level() == 1) {
                    WritePageGuard leaf = pool.writePage(child);
                    g.close();
                    g = null;
                    return leaf;
                }
                ReadPageGuard next = pool.readPage(child);
                g.close();
                g = next;
                node.wrap(g.buffer(), pageSize);
                checkNode(node, g.pageNo());
            }
        } finally {
            if (g != null) {
                g.close();
            }
        }
    }

    /**
     * Write-latch crabbing from the root; splits bottom-up along the held path. Runs as one atomic page change:
     * a split's pages reach the log together, so a crash never leaves moved entries unreachable.
     */
    private boolean insertPessimistic(byte[] key, long value) {
        Deque<WritePageGuard> path = new ArrayDeque<>();
        BTreeNode node = new BTreeNode();
        try {
            WritePageGuard g = pool.writePage(rootPageNo);
            path.push(g);
            for (;;) {
                node.wrap(g.buffer(), pageSize);
                checkNode(node, g.pageNo());
                if (node.fits(maxKeyLength)) {
                    releaseAllBut(path, g); // this node cannot split: nothing above it will change
                }
                if (node.isLeaf()) {
                    break;
                }
                g = pool.writePage(node.child(node.childIndexFor(key)));
                path.push(g);
            }
            WritePageGuard leafGuard = path.pop();
            BTreeNode leaf = new BTreeNode().wrap(leafGuard.buffer(), pageSize);
            int pos = leaf.lowerBound(key);
            if (pos < leaf.count() && leaf.compare(pos, key) == 0) {
                leafGuard.close();
                return false;
            }
            if (leaf.fits(key.length)) {
                leaf.insertAt(pos, key, value);
                leafGuard.close();
                return true;
            }
            // split the leaf, then carry separators up the held path
            List<BTreeNode.Entry> entries = leaf.entries(0, leaf.count());
            entries.add(pos, new BTreeNode.Entry(key, value));
            Split split = splitNode(leafGuard, leaf, entries, true);
            leafGuard.close();
            while (split != null) {
                WritePageGuard parentGuard = path.pop();
                BTreeNode parent = new BTreeNode().wrap(parentGuard.buffer(), pageSize);
                split = insertSeparator(parentGuard, parent, split);
                parentGuard.close();
            }
            return true;
        } finally {
            while (!path.isEmpty()) {
                path.pop().close();
            }
        }
    }

    private static void releaseAllBut(Deque<WritePageGuard> path, WritePageGuard keep) {
        while (path.peekLast() != keep) {
            path.pollLast().close();
        }
    }

    /** A split's result for the parent: the separator and the new right page (for keys >= separator). */
    private record Split(byte[] separator, int rightPageNo) implements ParentChange {
    }

    /** Adds a child's split to its (inner) parent, splitting the parent in turn if it is full. */
    private Split insertSeparator(WritePageGuard guard, BTreeNode parent, Split split) {
        int at = parent.childIndexFor(split.separator()) + 1;
        return insertOrSplit(guard, parent, at, split.separator(), split.rightPageNo());
    }

    /**
     * Inserts (key, child) at {@code at} of an inner node, or splits the node if it does not fit: returns the split
     * for the node's parent, or null (it fitted, or the root grew a level).
     */
    private Split insertOrSplit(WritePageGuard guard, BTreeNode inner, int at, byte[] key, long child) {
        if (inner.fits(key.length)) {
            inner.insertAt(at, key, child);
            return null;
        }
        List<BTreeNode.Entry> entries = inner.entries(0, inner.count());
        entries.add(at, new BTreeNode.Entry(key, child));
        return splitNode(guard, inner, entries, false);
    }

    /**
     * Splits a full node holding {@code entries} (in order, including the new one) into itself and a new right
     * sibling; the root instead moves both halves into two new children. Returns what the parent must insert,
     * or null when the root grew a level.
     */
    private Split splitNode(WritePageGuard guard, BTreeNode node, List<BTreeNode.Entry> entries, boolean leaf) {
        int mid = splitPoint(entries);
        List<BTreeNode.Entry> left = new ArrayList<>(entries.subList(0, mid));
        List<BTreeNode.Entry> right;
        byte[] separator;
        int rightLeftmost = 0;
        if (leaf) {
            right = new ArrayList<>(entries.subList(mid, entries.size()));
            separator = shortestSeparator(left.get(left.size() - 1).key(), right.get(0).key());
        } else {
            // the middle separator moves up; its child becomes the right node's leftmost child
            BTreeNode.Entry up = entries.get(mid);
            separator = up.key();
            rightLeftmost = (int) up.value();
            right = new ArrayList<>(entries.subList(mid + 1, entries.size()));
        }
        int level = node.level();
        if (guard.pageNo() == rootPageNo) {
            int leftPage = newNode(leaf, level, left, leaf ? 0 : node.leftmost(), 0);
            int rightPage = newNode(leaf, level, right, rightLeftmost, 0);
            if (leaf) {
                try (WritePageGuard lg = pool.writePage(leftPage)) {
                    new BTreeNode().wrap(lg.buffer(), pageSize).setNext(rightPage);
                }
            }
            BTreeNode.format(guard.buffer(), pageSize, rootPageNo, false, level + 1);
            node.wrap(guard.buffer(), pageSize);
            node.setLeftmost(leftPage);
            node.rewrite(List.of(new BTreeNode.Entry(separator, rightPage)));
            return null;
        }
        int rightPage = newNode(leaf, level, right, rightLeftmost, leaf ? node.next() : 0);
        node.rewrite(left);
        if (leaf) {
            node.setNext(rightPage);
        }
        return new Split(separator, rightPage);
    }

    /** Where to cut: the middle by bytes, so both halves fit whatever the key sizes. */
    private static int splitPoint(List<BTreeNode.Entry> entries) {
        long total = 0;
        for (BTreeNode.Entry e : entries) {
            total += BTreeNode.entrySize(e.key().length);
        }
        long half = 0;
        for (int i = 0; i < entries.size(); i++) {
            half += BTreeNode.entrySize(entries.get(i).key().length);
            if (half * 2 >= total) {
                return Math.max(1, Math.min(i + 1, entries.size() - 1));
            }
        }
        return entries.size() / 2;
    }

    private int newNode(boolean leaf, int level, List<BTreeNode.Entry> entries, int leftmost, int next) {
        try (WritePageGuard g = pool.newPage()) {
            BTreeNode.format(g.buffer(), pageSize, g.pageNo(), leaf, level);
            BTreeNode n = new BTreeNode().wrap(g.buffer(), pageSize);
            n.rewrite(entries);
            n.setLeftmost(leftmost);
            n.setNext(next);
            return g.pageNo();
        }
    }

    /**
     * Suffix truncation: the shortest prefix of {@code right} that is still greater than {@code left}; every key
     * of the left node is below it and every key of the right node at or above it.
     */
    static byte[] shortestSeparator(byte[] left, byte[] right) {
        int n = Math.min(left.length, right.length);
        int i = 0;
        while (i < n && left[i] == right[i]) {
            i++;
        }
        return Arrays.copyOf(right, Math.min(right.length, i + 1));
    }

    // ------------------------------------------------------------------ delete

    /**
     * Removes {@code key}; false if it was not there. A non-root node left under a quarter full by the removal is
     * rebalanced with an adjacent sibling (see the class comment); pages that leave the tree are freed once the
     * change that unlinked them is logged and its latches are released.
     */
    public boolean delete(byte[] key) {
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            Boolean done = deleteOptimistic(key);
            if (done != null) {
                return done;
            }
            List<Integer> unlinked = new ArrayList<>();
            boolean deleted = pool.atomically(() -> deletePessimistic(key, unlinked));
            // The change is logged and released: nothing points to these pages any more, and nobody can still be
            // on them (see the class comment), so they may go back to the file's free list now. A crash before
            // this only leaks them.
            for (int pageNo : unlinked) {
                pool.freePage(pageNo);
            }
            return deleted;
        }
    }

    /** Read-latch descent, write latch on the leaf only; null if the removal would leave the leaf underflowed. */
    private Boolean deleteOptimistic(byte[] key) {
        try (WritePageGuard leaf = descendToLeafForWrite(key)) {
            BTreeNode node = new BTreeNode().wrap(leaf.buffer(), pageSize);
            int pos = node.lowerBound(key);
            if (pos >= node.count() || node.compare(pos, key) != 0) {
                return false;
            }
            if (leaf.pageNo() != rootPageNo && node.usedSpace() - BTreeNode.entrySize(key.length) < minFill) {
                return null;
            }
            node.removeAt(pos);
            return true;
        }
    }

    /** What a rebalanced or split node asks of its parent. */
    private sealed interface ParentChange permits RemoveSeparator, ReplaceSeparator, Split {
    }

    /** Two children merged: the entry {@code index} (pointing to the right one, now empty) goes. */
    private record RemoveSeparator(int index) implements ParentChange {
    }

    /** Two children shared their entries anew: entry {@code index} (the right one) gets a new key. */
    private record ReplaceSeparator(int index, byte[] key) implements ParentChange {
    }

    /**
     * One write-latched node of a pessimistic delete's path and, if the node may underflow, the adjacent child of
     * the same parent it would be rebalanced with (the right one, or the left one for the last child).
     */
    private static final class Held {
        WritePageGuard guard;
        /** The node's entry in its parent (-1 = the leftmost child); unused for the root. */
        final int index;
        WritePageGuard sibling;
        int siblingIndex;

        Held(WritePageGuard guard, int index) {
            this.guard = guard;
            this.index = index;
        }

        void close() {
            if (sibling != null) {
                sibling.close();
            }
            guard.close();
        }
    }

    /**
     * Write-latch crabbing from the root, keeping every node that a removal below could reach: a node is safe
     * when losing one entry cannot make it underflow and getting a longer separator cannot make it overflow (the
     * root always is: nothing is above it). An unsafe node also gets its sibling latched, in left-to-right order.
     * Then the entry goes and changes run up the held path: an underflowed node merges with its sibling or shares
     * entries with it, which removes or replaces a separator in the parent; a replaced separator may be longer and
     * split the parent; an inner root left with one child takes that child's content. Runs as one atomic page
     * change; every guard stays open until the end, so readers never see a half-done change even without a page
     * log. Pages unlinked are added to {@code unlinked} for the caller to free.
     */
    private boolean deletePessimistic(byte[] key, List<Integer> unlinked) {
        List<Held> path = new ArrayList<>(); // from the highest node still held down to the current one
        BTreeNode node = new BTreeNode();
        try {
            Held h = new Held(pool.writePage(rootPageNo), -1);
            path.add(h);
            int pos = -1;
            for (;;) {
                node.wrap(h.guard.buffer(), pageSize);
                checkNode(node, h.guard.pageNo());
                boolean root = h.guard.pageNo() == rootPageNo;
                boolean safe;
                if (node.isLeaf()) {
                    pos = node.lowerBound(key);
                    if (pos >= node.count() || node.compare(pos, key) != 0) {
                        return false;
                    }
                    safe = root || node.usedSpace() - BTreeNode.entrySize(key.length) >= minFill;
                } else {
                    safe = root || node.usedSpace() - maxEntrySize >= minFill && node.freeSpace() >= maxEntrySize;
                }
                if (safe) {
                    while (path.get(0) != h) {
                        path.remove(0).close(); // nothing above a safe node will change
                    }
                    if (h.sibling != null) {
                        h.sibling.close(); // it became safe while let go for its left sibling
                        h.sibling = null;
                    }
                } else if (h.sibling == null && latchSibling(path, h)) {
                    continue; // the node was let go for a moment: look at it again
                }
                if (node.isLeaf()) {
                    break;
                }
                int index = node.childIndexFor(key);
                h = new Held(pool.writePage(node.child(index)), index);
                path.add(h);
            }
            node.removeAt(pos);
            int depth = path.size() - 1;
            ParentChange change = null;
            if (h.guard.pageNo() != rootPageNo && node.usedSpace() < minFill) {
                change = rebalance(path, depth, unlinked);
            }
            while (change != null) {
                // a change for a node means its child was unsafe, and so the node is held
                Held held = path.get(--depth);
                node.wrap(held.guard.buffer(), pageSize);
                change = applyToParent(held, node, change);
                if (held.guard.pageNo() == rootPageNo) {
                    if (!node.isLeaf() && node.count() == 0) {
                        collapseRoot(held, node, path.get(depth + 1), unlinked);
                    }
                } else if (change == null && node.usedSpace() < minFill) {
                    change = rebalance(path, depth, unlinked);
                }
            }
            return true;
        } finally {
            for (Held held : path) {
                held.close();
            }
        }
    }

    /**
     * Latches the sibling {@code h} would be rebalanced with. The right one is taken at once (left to right, as
     * scans go); for the left one {@code h} is let go first and latched again after it. Returns whether {@code h}
     * was let go (its content may have changed meanwhile, though not its place: the parent stays latched).
     */
    private boolean latchSibling(List<Held> path, Held h) {
        WritePageGuard parentGuard = path.get(path.size() - 2).guard;
        BTreeNode parent = new BTreeNode().wrap(parentGuard.buffer(), pageSize);
        if (parent.count() == 0) {
            throw DbException.corruption(pool.diskManager().name(), parentGuard.pageNo(), "a B+tree inner node "
                    + "has no entries");
        }
        if (h.index < parent.count() - 1) {
            h.siblingIndex = h.index + 1;
            h.sibling = pool.writePage(parent.child(h.siblingIndex));
            return false;
        }
        int pageNo = h.guard.pageNo();
        h.guard.close(); // unchanged so far: released at once
        h.siblingIndex = h.index - 1;
        h.sibling = pool.writePage(parent.child(h.siblingIndex));
        h.guard = pool.writePage(pageNo);
        return true;
    }

    /**
     * Rebalances the underflowed node {@code h} with its latched sibling: merges the right node of the two into
     * the left one if both fit one page (an inner merge takes the parent's separator down between them), else
     * shares their entries out evenly by bytes. Returns what the parent ({@code path[depth - 1]}) must do.
     */
    private ParentChange rebalance(List<Held> path, int depth, List<Integer> unlinked) {
        Held h = path.get(depth);
        if (h.sibling == null || depth == 0) {
            throw new IllegalStateException("page " + h.guard.pageNo() + " underflowed on a path that held it safe");
        }
        Held parentHeld = path.get(depth - 1);
        boolean siblingRight = h.siblingIndex > h.index;
        WritePageGuard leftGuard = siblingRight ? h.guard : h.sibling;
        WritePageGuard rightGuard = siblingRight ? h.sibling : h.guard;
        int rightIndex = Math.max(h.index, h.siblingIndex);
        BTreeNode left = new BTreeNode().wrap(leftGuard.buffer(), pageSize);
        BTreeNode right = new BTreeNode().wrap(rightGuard.buffer(), pageSize);
        checkNode(right, rightGuard.pageNo());
        boolean leaf = left.isLeaf();
        List<BTreeNode.Entry> entries = left.entries(0, left.count());
        if (!leaf) {
            BTreeNode parent = new BTreeNode().wrap(parentHeld.guard.buffer(), pageSize);
            entries.add(new BTreeNode.Entry(parent.key(rightIndex), right.leftmost()));
        }
        entries.addAll(right.entries(0, right.count()));
        long bytes = 0;
        for (BTreeNode.Entry e : entries) {
            bytes += BTreeNode.entrySize(e.key().length);
        }
        if (bytes <= capacity) {
            // merge: the right node leaves the tree (unchanged, so that a crash before it is freed only leaks it)
            left.rewrite(entries);
            if (leaf) {
                left.setNext(right.next());
            }
            unlinked.add(rightGuard.pageNo());
            return new RemoveSeparator(rightIndex);
        }
        // both halves fit and, as every entry takes at most a quarter page, neither is empty
        int mid = splitPoint(entries);
        left.rewrite(entries.subList(0, mid));
        if (leaf) {
            right.rewrite(entries.subList(mid, entries.size()));
            return new ReplaceSeparator(rightIndex, shortestSeparator(entries.get(mid - 1).key(),
                    entries.get(mid).key()));
        }
        BTreeNode.Entry up = entries.get(mid);
        right.setLeftmost((int) up.value());
        right.rewrite(entries.subList(mid + 1, entries.size()));
        return new ReplaceSeparator(rightIndex, up.key());
    }

    /** Applies a child's change to its inner parent; returns the parent's own split, or null. */
    private Split applyToParent(Held parent, BTreeNode node, ParentChange change) {
        if (change instanceof RemoveSeparator r) {
            node.removeAt(r.index());
            return null;
        }
        if (change instanceof ReplaceSeparator r) {
            long child = node.value(r.index());
            node.removeAt(r.index());
            return insertOrSplit(parent.guard, node, r.index(), r.key(), child);
        }
        return insertSeparator(parent.guard, node, (Split) change);
    }

    /**
     * The root is an inner node with one child left (its two children merged): the child's content moves up into
     * the root page, which never moves, and the tree is one level lower.
     */
    private void collapseRoot(Held rootHeld, BTreeNode root, Held childLevel, List<Integer> unlinked) {
        int only = root.leftmost();
        WritePageGuard childGuard = childLevel.guard.pageNo() == only ? childLevel.guard : childLevel.sibling;
        if (childGuard == null || childGuard.pageNo() != only) {
            throw new IllegalStateException("the root's last child " + only + " is not latched");
        }
        BTreeNode child = new BTreeNode().wrap(childGuard.buffer(), pageSize);
        List<BTreeNode.Entry> entries = child.entries(0, child.count());
        boolean leaf = child.isLeaf();
        int leftmost = child.leftmost();
        BTreeNode.format(rootHeld.guard.buffer(), pageSize, rootPageNo, leaf, child.level());
        root.wrap(rootHeld.guard.buffer(), pageSize);
        root.rewrite(entries);
        root.setLeftmost(leaf ? 0 : leftmost); // a leaf root is the only leaf: no next
        unlinked.add(only);
    }

    // ------------------------------------------------------------------ scans

    /**
     * A scan of the keys between {@code low} and {@code high} (null = unbounded), each bound inclusive or not, in
     * ascending or descending order. Holds no latch between calls.
     */
    public BTreeCursor scan(byte[] low, boolean lowInclusive, byte[] high, boolean highInclusive, boolean descending) {
        return new BTreeCursor(this, low, lowInclusive, high, highInclusive, descending);
    }

    /**
     * Copies into {@code out} the entries of the leaf holding the first key after {@code from} (ascending:
     * {@code > from}, or {@code >= from} if {@code inclusive}; null = from the start), and returns whether a leaf
     * to the right may hold more. Empty leaves are passed over. Copying stops at the scan's end {@code stop}
     * (exclusive unless {@code stopInclusive}; null = none), and then nothing more is to come: a point lookup copies
     * only its own entries, not the rest of the leaf.
     */
    boolean readForward(byte[] from, boolean inclusive, byte[] stop, boolean stopInclusive,
                        List<BTreeNode.Entry> out) {
        BTreeNode node = new BTreeNode();
        ReadPageGuard g = descendForRead(from, node);
        try {
            for (;;) {
                int pos = from == null ? 0 : node.lowerBound(from);
                if (from != null && !inclusive && pos < node.count() && node.compare(pos, from) == 0) {
                    pos++;
                }
                for (int i = pos; i < node.count(); i++) {
                    if (stop != null) {
                        int c = node.compare(i, stop);
                        if (c > 0 || (c == 0 && !stopInclusive)) {
                            return false; // past the scan's end: copy no more
                        }
                    }
                    out.add(new BTreeNode.Entry(node.key(i), node.value(i)));
                }
                int next = node.next();
                if (!out.isEmpty() || next == 0) {
                    return next != 0;
                }
                ReadPageGuard n = pool.readPage(next); // left to right: never against a writer's order
                g.close();
                g = n;
                node.wrap(g.buffer(), pageSize);
                checkNode(node, g.pageNo());
            }
        } finally {
            g.close();
        }
    }

    /**
     * Copies into {@code out}, in descending order, the entries before {@code from} ({@code < from}, or
     * {@code <= from} if {@code inclusive}; null = from the end) of the leaf holding the last such key; returns
     * the smallest key of that leaf's range start (null if it is the first leaf, or copying reached the scan's end
     * {@code stop}, exclusive unless {@code stopInclusive}) for the next step.
     */
    byte[] readBackward(byte[] from, boolean inclusive, byte[] stop, boolean stopInclusive,
                        List<BTreeNode.Entry> out) {
        byte[] bound = from;
        for (;;) {
            BTreeNode node = new BTreeNode();
            byte[][] lowFence = new byte[1][];
            ReadPageGuard g = descendForReadBackward(bound, inclusive, node, lowFence);
            try {
                int end = bound == null ? node.count() : node.lowerBound(bound);
                if (bound != null && inclusive && end < node.count() && node.compare(end, bound) == 0) {
                    end++;
                }
                for (int i = end - 1; i >= 0; i--) {
                    if (stop != null) {
                        int c = node.compare(i, stop);
                        if (c < 0 || (c == 0 && !stopInclusive)) {
                            return null; // past the scan's end: copy no more
                        }
                    }
                    out.add(new BTreeNode.Entry(node.key(i), node.value(i)));
                }
            } finally {
                g.close();
            }
            if (!out.isEmpty() || lowFence[0] == null) {
                return lowFence[0];
            }
            // an empty stretch: continue left of this leaf's range
            bound = lowFence[0];
            inclusive = false;
        }
    }

    /** Read-latch descent to the leaf for {@code key} (null = the leftmost leaf). */
    private ReadPageGuard descendForRead(byte[] key, BTreeNode node) {
        ReadPageGuard g = pool.readPage(rootPageNo);
        node.wrap(g.buffer(), pageSize);
        checkNode(node, rootPageNo);
        while (!node.isLeaf()) {
            int index = key == null ? -1 : node.childIndexFor(key);
            ReadPageGuard child = pool.readPage(node.child(index));
            g.close();
            g = child;
            node.wrap(g.buffer(), pageSize);
            checkNode(node, g.pageNo());
        }
        return g;
    }

    /**
     * Read-latch descent to the leaf holding the keys just below {@code key} (or {@code key} itself if
     * {@code inclusive}; null = the rightmost leaf), recording in {@code lowFence[0]} the separator that bounds
     * that leaf from below (null for the leftmost). A key equal to a separator lives right of it.
     */
    private ReadPageGuard descendForReadBackward(byte[] key, boolean inclusive, BTreeNode node, byte[][] lowFence) {
        ReadPageGuard g = pool.readPage(rootPageNo);
        node.wrap(g.buffer(), pageSize);
        checkNode(node, rootPageNo);
        lowFence[0] = null;
        while (!node.isLeaf()) {
            int index;
            if (key == null) {
                index = node.count() - 1;
            } else if (inclusive) {
                index = node.childIndexFor(key); // the child that would hold the key itself
            } else {
                index = node.lowerBound(key) - 1; // the child holding the keys just below it
            }
            if (index >= 0) {
                lowFence[0] = node.key(index);
            }
            ReadPageGuard child = pool.readPage(node.child(index));
            g.close();
            g = child;
            node.wrap(g.buffer(), pageSize);
            checkNode(node, g.pageNo());
        }
        return g;
    }

    // ------------------------------------------------------------------ structure check

    /**
     * Checks the whole tree (call it when no writer runs): every page's space bookkeeping, keys strictly
     * increasing in every node and within the bounds its parent's separators give, no empty node but a root leaf
     * (an inner node has at least two children), all leaves at level 0 and every path of equal length, the leaf
     * chain visiting every leaf left to right. No byte minimum is checked: none is guaranteed (see the class
     * comment). Returns the number of entries; throws IllegalStateException naming the page on the first
     * violation.
     */
    /**
     * Frees every page of the tree, root included (DROP INDEX, after the dropping transaction committed). Nobody
     * may use the tree any more.
     */
    public void drop() {
        List<Integer> pages = new ArrayList<>();
        collectPages(rootPageNo, pages);
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            for (int pageNo : pages) {
                pool.freePage(pageNo);
            }
        }
    }

    private void collectPages(int pageNo, List<Integer> out) {
        out.add(pageNo);
        List<Integer> children = new ArrayList<>();
        try (ReadPageGuard g = pool.readPage(pageNo)) {
            BTreeNode node = new BTreeNode().wrap(g.buffer(), pageSize);
            checkNode(node, pageNo);
            if (node.isLeaf()) {
                return;
            }
            children.add(node.leftmost());
            for (int i = 0; i < node.count(); i++) {
                children.add(node.child(i));
            }
        }
        for (int child : children) {
            collectPages(child, out);
        }
    }

    public long checkStructure() {
        List<Integer> leaves = new ArrayList<>();
        long entries = check(rootPageNo, null, null, -1, leaves);
        int pageNo = leaves.isEmpty() ? 0 : leaves.get(0);
        for (int i = 0; i < leaves.size(); i++) {
            if (pageNo != leaves.get(i)) {
                throw new IllegalStateException("leaf chain reaches page " + pageNo + " where leaf " + leaves.get(i)
                        + " was expected");
            }
            try (ReadPageGuard g = pool.readPage(pageNo)) {
                pageNo = new BTreeNode().wrap(g.buffer(), pageSize).next();
            }
        }
        if (pageNo != 0) {
            throw new IllegalStateException("the last leaf links to page " + pageNo);
        }
        return entries;
    }

    private long check(int pageNo, byte[] low, byte[] high, int expectedLevel, List<Integer> leaves) {
        List<int[]> children = new ArrayList<>();
        List<byte[]> bounds = new ArrayList<>();
        long count;
        int level;
        try (ReadPageGuard g = pool.readPage(pageNo)) {
            BTreeNode node = new BTreeNode().wrap(g.buffer(), pageSize);
            if (!node.isNode()) {
                throw new IllegalStateException("page " + pageNo + " is not a B+tree node");
            }
            level = node.level();
            if (expectedLevel >= 0 && level != expectedLevel) {
                throw new IllegalStateException("page " + pageNo + " has level " + level + ", expected "
                        + expectedLevel);
            }
            if (node.isLeaf() != (level == 0)) {
                throw new IllegalStateException("page " + pageNo + ": leaf flag and level " + level + " disagree");
            }
            String space = node.checkSpace();
            if (space != null) {
                throw new IllegalStateException("page " + pageNo + ": " + space);
            }
            if (!node.isLeaf() && node.count() == 0) {
                throw new IllegalStateException("inner page " + pageNo + " has no entries");
            }
            if (pageNo != rootPageNo && node.count() == 0) {
                throw new IllegalStateException("leaf " + pageNo + " is empty but not the root");
            }
            byte[] previous = null;
            for (int i = 0; i < node.count(); i++) {
                byte[] key = node.key(i);
                if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
                    throw new IllegalStateException("page " + pageNo + ": keys out of order at " + i);
                }
                if (low != null && Arrays.compareUnsigned(key, low) < 0
                        || high != null && Arrays.compareUnsigned(key, high) >= 0) {
                    throw new IllegalStateException("page " + pageNo + ": key " + i + " outside its parent's range");
                }
                previous = key;
            }
            if (node.isLeaf()) {
                leaves.add(pageNo);
                return node.count();
            }
            count = 0;
            children.add(new int[] {node.leftmost()});
            bounds.add(low);
            for (int i = 0; i < node.count(); i++) {
                children.add(new int[] {node.child(i)});
                bounds.add(node.key(i));
            }
        }
        for (int i = 0; i < children.size(); i++) {
            byte[] childHigh = i + 1 < bounds.size() ? bounds.get(i + 1) : high;
            count += check(children.get(i)[0], bounds.get(i), childHigh, level - 1, leaves);
        }
        return count;
    }
}
