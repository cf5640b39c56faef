package io.rustydb.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageDeltaTest {
    private static byte[] withoutExcluded(byte[] page) {
        byte[] copy = page.clone();
        Arrays.fill(copy, 0, PageHeader.TYPE_OFFSET, (byte) 0);
        Arrays.fill(copy, PageHeader.LSN_OFFSET, PageHeader.LSN_OFFSET + 8, (byte) 0);
        return copy;
    }

    @Test
    void redoTurnsBeforeIntoAfterAndUndoTurnsItBack() {
        long seed = 7;
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            int size = 4096 << random.nextInt(3);
            byte[] before = new byte[size];
            random.nextBytes(before);
            byte[] after = before.clone();
            int changes = random.nextInt(6);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(size);
                int len = 1 + random.nextInt(Math.min(300, size - at));
                for (int k = 0; k < len; k++) {
                    after[at + k] = (byte) random.nextInt();
                }
            }
            byte[] delta = PageDelta.compute(42, before, after);
            if (Arrays.equals(withoutExcluded(before), withoutExcluded(after))) {
                assertNull(delta, "round " + round);
                continue;
            }
            assertEquals(42, PageDelta.pageNo(delta));
            ByteBuffer page = ByteBuffer.wrap(before.clone());
            PageDelta.apply(delta, page, 0, false);
            assertArrayEquals(withoutExcluded(after), withoutExcluded(page.array()), "redo, seed " + seed + " round " + round);
            PageDelta.apply(delta, page, 0, true);
            assertArrayEquals(withoutExcluded(before), withoutExcluded(page.array()), "undo, seed " + seed + " round " + round);
            PageDelta.apply(PageDelta.inverse(delta), page, 0, true);
            assertArrayEquals(withoutExcluded(after), withoutExcluded(page.array()), "inverse, seed " + seed + " round " + round);
        }
    }

    @Test
    void checksumAndLsnFieldsAreNeverPartOfADelta() {
        byte[] before = new byte[4096];
        byte[] after = before.clone();
        after[1] = 9;
        after[PageHeader.LSN_OFFSET + 3] = 9;
        assertNull(PageDelta.compute(1, before, after));
        after[PageHeader.LSN_OFFSET - 1] = 5;
        after[PageHeader.LSN_OFFSET + 8] = 5;
        byte[] delta = PageDelta.compute(1, before, after);
        ByteBuffer page = ByteBuffer.wrap(new byte[4096]);
        PageDelta.apply(delta, page, 0, false);
        assertEquals(0, page.get(PageHeader.LSN_OFFSET + 3));
        assertEquals(5, page.get(PageHeader.LSN_OFFSET - 1));
        assertEquals(5, page.get(PageHeader.LSN_OFFSET + 8));
    }
}
