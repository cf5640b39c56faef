package io.rustydb.storage.buffer;

/**
 * A page replacement policy: decides which unpinned frame the buffer pool reuses next.
 *
 * <p>Contract (checked by the shared conformance test):
 * <ol>
 *   <li>A frame becomes tracked on its first {@link #recordAccess}; it starts non-evictable.</li>
 *   <li>{@link #evict} returns only tracked, evictable frames, or {@link #NO_FRAME}; the victim is no longer tracked
 *       afterwards (policies with history, like ARC's ghost lists, may remember its page).</li>
 *   <li>{@link #setEvictable} on an untracked frame is ignored; {@link #remove} forgets a frame without history.</li>
 *   <li>{@link #evictableCount()} is the number of tracked evictable frames.</li>
 * </ol>
 * Implementations are not thread-safe: the buffer pool serialises all calls.
 */
public interface Replacer {
    /** Returned by {@link #evict} when no frame is evictable. */
    int NO_FRAME = -1;

    /** Frame {@code frameId} now holds page {@code pageNo} and was just accessed (a hit, or a page loaded). */
    void recordAccess(int frameId, long pageNo);

    /** Marks a tracked frame (un)evictable: the pool calls this when a frame's pin count reaches or leaves 0. */
    void setEvictable(int frameId, boolean evictable);

    /** Chooses and forgets a victim, or returns {@link #NO_FRAME}. */
    int evict();

    /**
     * Like {@link #evict()}, told which page the frame is wanted for; ARC uses it to adapt before choosing.
     */
    default int evict(long incomingPageNo) {
        return evict();
    }

    /** Forgets {@code frameId} (e.g. its page was dropped); no-op if untracked. */
    void remove(int frameId);

    /** Number of tracked evictable frames. */
    int evictableCount();

    /** The policy's name, for statistics and logs. */
    String name();
}
