package io.rustydb.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Conformance of {@link LruKReplacer} (K = 2), plus its ordering rule. */
class LruKReplacerTest extends ReplacerConformanceTest {
    @Override
    Replacer create(int capacity) {
        return new LruKReplacer(capacity, 2);
    }

    @Test
    void framesWithFewerThanKAccessesGoFirst() {
        Replacer r = create(4);
        r.recordAccess(0, 10);
        r.recordAccess(0, 10); // two accesses: finite distance
        r.recordAccess(1, 11); // one access: infinite distance
        r.recordAccess(2, 12);
        r.recordAccess(2, 12);
        for (int f = 0; f < 3; f++) {
            r.setEvictable(f, true);
        }
        assertEquals(1, r.evict());
        assertEquals(0, r.evict(), "older second-most-recent access");
        assertEquals(2, r.evict());
    }
}
