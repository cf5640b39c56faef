package io.rustydb.storage.buffer;

/**
 * A page replacement policy: decides which unpinned frame the buffer pool reuses next.
 *
 * <p>The pool does not tell a replacer when frames are pinned or unpinned (that would put a lock on every hit).
 * Instead every frame it tracks is marked evictable once, and {@link #evict(long, VictimFilter)} offers candidates,
 * in the policy's order, to a {@link VictimFilter}; the pool's filter claims a frame by moving its pin count from 0
 * to -1 (a CAS), so a frame pinned at that moment is simply skipped and stays where it is.
 *
 * <p>Contract (checked by the shared conformance test, {@code ReplacerConformanceTest}):
 * <ol>
 *   <li>A frame becomes tracked on its first {@link #recordAccess}; it starts non-evictable.</li>
 *   <li>{@link #evict} returns only tracked, evictable frames that the filter accepted, or {@link #NO_FRAME}; the
 *       victim is no longer tracked afterwards (policies with history, like ARC's ghost lists, may remember its
 *       page).</li>
 *   <li>The filter is asked only about tracked evictable frames, in the policy's order; the first frame it accepts
 *       is the victim (an accepted frame is always returned). A rejected frame stays tracked and evictable, with its
 *       recency unchanged; it may be asked about again in the same call.</li>
 *   <li>{@link #setEvictable} on an untracked frame is ignored; {@link #remove} forgets a frame without history.</li>
 *   <li>{@link #evictableCount()} is the number of tracked evictable frames.</li>
 * </ol>
 * Implementations are not thread-safe: the buffer pool serialises all calls (its replacer lock), and its filter
 * does nothing but a CAS, so calling it under that lock is cheap.
 */
public interface Replacer {
    /** Returned by {@link #evict} when no frame is evictable. */
    int NO_FRAME = -1;
    /** "No incoming page" for {@link #evict(long, VictimFilter)}. */
    long NO_PAGE = Long.MIN_VALUE;

    /** Decides whether a candidate victim may be evicted now; the buffer pool's filter claims the frame. */
    @FunctionalInterface
    interface VictimFilter {
        /** Accepts every candidate. */
        VictimFilter ANY = frameId -> true;

        /** True if {@code frameId} is taken as the victim (the caller must then return it). */
        boolean tryClaim(int frameId);
    }

    /** Frame {@code frameId} now holds page {@code pageNo} and was just accessed (a hit, or a page loaded). */
    void recordAccess(int frameId, long pageNo);

    /** Marks a tracked frame (un)evictable. */
    void setEvictable(int frameId, boolean evictable);

    /**
     * Chooses and forgets a victim among the tracked evictable frames that {@code filter} accepts, or returns
     * {@link #NO_FRAME}. {@code incomingPageNo} is the page the frame is wanted for ({@link #NO_PAGE} if unknown);
     * ARC uses it to adapt before choosing.
     */
    int evict(long incomingPageNo, VictimFilter filter);

    /** {@link #evict(long, VictimFilter)} accepting every candidate. */
    default int evict(long incomingPageNo) {
        return evict(incomingPageNo, VictimFilter.ANY);
    }

    /** {@link #evict(long, VictimFilter)} with no incoming page, accepting every candidate. */
    default int evict() {
        return evict(NO_PAGE, VictimFilter.ANY);
    }

    /** Forgets {@code frameId} (e.g. its page was dropped); no-op if untracked. */
    void remove(int frameId);

    /** Number of tracked evictable frames. */
    int evictableCount();

    /** The policy's name, for statistics and logs. */
    String name();
}
