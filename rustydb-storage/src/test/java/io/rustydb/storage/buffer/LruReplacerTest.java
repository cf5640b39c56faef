package io.rustydb.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Conformance of {@link LruReplacer}. */
class LruReplacerTest extends ReplacerConformanceTest {
    @Override
    Replacer create(int capacity) {
        return new LruReplacer(capacity);
    }

    @Test
    void evictsLeastRecentlyUsedFirst() {
        Replacer r = create(4);
        for (int f = 0; f < 4; f++) {
            r.recordAccess(f, f + 1);
            r.setEvictable(f, true);
        }
        r.recordAccess(0, 1);
        assertEquals(1, r.evict());
        assertEquals(2, r.evict());
        assertEquals(3, r.evict());
        assertEquals(0, r.evict());
    }
}
