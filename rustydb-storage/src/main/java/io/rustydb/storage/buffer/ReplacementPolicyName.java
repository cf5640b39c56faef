package io.rustydb.storage.buffer;

/** The buffer pool's page replacement policies, selectable by configuration. */
public enum ReplacementPolicyName {
    /** Adaptive Replacement Cache (Megiddo &amp; Modha, FAST 2003). The default. */
    ARC,
    /** CLOCK (second chance). */
    CLOCK,
    /** Least recently used. */
    LRU,
    /** 2Q (Johnson &amp; Shasha, VLDB 1994), full version with A1in, A1out and Am. */
    TWO_Q,
    /** LRU-K with K = 2 (O'Neil, O'Neil &amp; Weikum, SIGMOD 1993). */
    LRU_K;

    /** A new replacer of this policy for {@code capacity} frames. */
    public Replacer create(int capacity) {
        switch (this) {
            case ARC:
                return new ArcReplacer(capacity);
            case CLOCK:
                return new ClockReplacer(capacity);
            case LRU:
                return new LruReplacer(capacity);
            case TWO_Q:
                return new TwoQReplacer(capacity);
            case LRU_K:
                return new LruKReplacer(capacity, 2);
            default:
                throw new AssertionError(this);
        }
    }
}
