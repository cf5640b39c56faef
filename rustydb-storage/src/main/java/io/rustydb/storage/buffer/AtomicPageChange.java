package io.rustydb.storage.buffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A change to several pages that must survive a crash whole or not at all — a B+tree split writes a new node,
 * shrinks the old one and adds a separator to the parent; a crash between those steps must not leave a tree
 * that lost the moved entries. Opened with {@link BufferPool#beginAtomicChange()} on the current thread:
 * <pre>
 *   pool.atomically(() -> {
 *       ... write guards opened and closed as usual ...
 *   });   // one MULTI_PAGE_DELTA record for every page changed inside; then the latches are released
 * </pre>
 * While it is open, a write guard that changed its page does not release its latch when closed: the page stays
 * latched (and pinned) until the change closes, logs all changed pages as one redo-only record, stamps them with
 * its LSN and releases them, newest first. Guards that changed nothing release at once, so latch coupling still
 * lets go of ancestors that turned out safe. Nobody can see a page of the change half done (it stays latched),
 * and recovery redoes the record whole or, if it never reached the log, not at all.
 *
 * <p>Rules: the changes are redo-only (never undone by a rollback: structures whose pages many transactions share,
 * such as indexes, must not be put back by one of them); {@link BufferPool#freePage} is refused inside (the free
 * list is logged apart, so freeing must follow the change that unlinks the page); changes do not nest. If logging
 * fails, every page is put back as it was and the error is thrown. Page allocation inside is allowed: a crash
 * before the record leaves the new page allocated but unused.
 */
public final class AtomicPageChange implements AutoCloseable {
    private static final ThreadLocal<AtomicPageChange> CURRENT = new ThreadLocal<>();

    private final BufferPool pool;
    private final List<WritePageGuard> held = new ArrayList<>();
    private boolean closed;

    private AtomicPageChange(BufferPool pool) {
        this.pool = pool;
    }

    static AtomicPageChange begin(BufferPool pool) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("atomic page changes do not nest");
        }
        AtomicPageChange change = new AtomicPageChange(pool);
        CURRENT.set(change);
        return change;
    }

    /** The change open on this thread for {@code pool}, or null. */
    static AtomicPageChange current(BufferPool pool) {
        AtomicPageChange change = CURRENT.get();
        return change != null && change.pool == pool ? change : null;
    }

    /**
     * Takes over a closing guard that changed its page: true if the change now holds it (or already holds the
     * same page through an earlier guard, in which case this one's latch and pin are released: the earlier
     * guard's before-image covers both changes).
     */
    boolean adopt(WritePageGuard guard, ByteBuffer page, byte[] before) {
        if (ByteBuffer.wrap(before).mismatch(page.duplicate().clear()) < 0) {
            return false;
        }
        for (WritePageGuard g : held) {
            if (g.pageNo() == guard.pageNo()) {
                guard.releaseLogged(0);
                return true;
            }
        }
        held.add(guard);
        return true;
    }

    /**
     * Gives the change up (its body failed half way): every page is put back as it was and released, nothing is
     * logged. Pages allocated inside stay allocated, unused.
     */
    void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        CURRENT.remove();
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).restoreBeforeImage();
            held.get(i).releaseLogged(0);
        }
        held.clear();
    }

    /** Logs every page changed inside as one record, stamps them with its LSN and releases them. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CURRENT.remove();
        long lsn = 0;
        RuntimeException failure = null;
        PageLog log = pool.pageLog();
        if (!held.isEmpty() && log != null) {
            int n = held.size();
            int[] pageNos = new int[n];
            byte[][] befores = new byte[n][];
            ByteBuffer[] pages = new ByteBuffer[n];
            for (int i = 0; i < n; i++) {
                pageNos[i] = held.get(i).pageNo();
                befores[i] = held.get(i).beforeImage();
                pages[i] = held.get(i).buffer();
            }
            try {
                lsn = log.pagesChanged(pageNos, befores, pages);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        for (int i = held.size() - 1; i >= 0; i--) {
            WritePageGuard g = held.get(i);
            if (failure != null) {
                g.restoreBeforeImage();
            }
            g.releaseLogged(failure != null ? 0 : lsn);
        }
        held.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
