package io.rustydb.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Randomized model test: SlottedPage against a map slot -> bytes, with an independent space model. */
class SlottedPageModelTest {
    private static final int BASE = 64; // a non-zero base offset exercises absolute addressing

    @ParameterizedTest(name = "seed={0} pageSize={1}")
    @CsvSource({"1,4096", "2,4096", "3,8192", "42,16384", "7,65536"})
    void randomOperationsMatchModel(long seed, int pageSize) {
        Random rnd = new Random(seed);
        String ctx = "seed=" + seed + " pageSize=" + pageSize;
        ByteBuffer buf = ByteBuffer.allocateDirect(pageSize + 2 * BASE).order(ByteOrder.LITTLE_ENDIAN);
        SlottedPage sp = new SlottedPage().wrap(buf, BASE, pageSize);
        sp.init(5, PageType.HEAP);
        Map<Integer, byte[]> model = new HashMap<>();
        int max = SlottedPage.maxTupleLength(pageSize);
        for (int op = 0; op < 4000; op++) {
            String at = ctx + " op=" + op;
            int r = rnd.nextInt(100);
            if (r < 45) {
                int len = rnd.nextInt(10) == 0 ? rnd.nextInt(max + 1) : rnd.nextInt(Math.min(300, max));
                byte[] data = randomBytes(rnd, len);
                boolean expectFit = SlottedPage.allocationSize(len) + (hasFreeSlot(model) ? 0 : SlottedPage.SLOT_SIZE)
                        <= freeBytes(model, pageSize);
                int slot = sp.insert(data);
                assertEquals(expectFit, slot >= 0, at + " insert of " + len);
                if (slot >= 0) {
                    assertFalse(model.containsKey(slot), at + " reused a live slot");
                    model.put(slot, data);
                }
            } else if (r < 70 && !model.isEmpty()) {
                int slot = pick(rnd, model);
                sp.delete(slot);
                model.remove(slot);
            } else if (r < 95 && !model.isEmpty()) {
                int slot = pick(rnd, model);
                int len = rnd.nextInt(5) == 0 ? rnd.nextInt(max + 1) : rnd.nextInt(Math.min(400, max));
                byte[] data = randomBytes(rnd, len);
                boolean expectFit = SlottedPage.allocationSize(len)
                        <= freeBytes(model, pageSize) + SlottedPage.allocationSize(model.get(slot).length);
                boolean ok = sp.reallocate(slot, len, SlottedPage.FLAG_NORMAL);
                assertEquals(expectFit, ok, at + " update to " + len);
                if (ok) {
                    buf.put(sp.tupleOffset(slot), data, 0, len);
                    model.put(slot, data);
                }
            } else {
                sp.compact();
                assertEquals(0, sp.fragmentedBytes(), at);
            }
            verify(sp, model, pageSize, at);
        }
    }

    private static void verify(SlottedPage sp, Map<Integer, byte[]> model, int pageSize, String at) {
        int expectedSlots = model.keySet().stream().mapToInt(i -> i + 1).max().orElse(0);
        assertEquals(expectedSlots, sp.slotCount(), at + " slot count");
        assertEquals(model.size(), sp.liveCount(), at + " live count");
        for (Map.Entry<Integer, byte[]> e : model.entrySet()) {
            assertTrue(sp.isLive(e.getKey()), at + " slot " + e.getKey());
            assertEquals(SlottedPage.FLAG_NORMAL, sp.flags(e.getKey()), at);
            assertArrayEquals(e.getValue(), sp.read(e.getKey()), at + " slot " + e.getKey());
            int off = sp.tupleOffset(e.getKey()) - sp.base();
            assertEquals(0, off % SlottedPage.ALIGNMENT, at + " alignment");
            assertTrue(off >= sp.freeEnd() && off + e.getValue().length <= pageSize, at + " bounds");
        }
        assertEquals(freeBytes(model, pageSize), sp.totalFreeSpace(), at + " free space");
        assertEquals(5, sp.pageNo(), at);
    }

    private static boolean hasFreeSlot(Map<Integer, byte[]> model) {
        int slots = model.keySet().stream().mapToInt(i -> i + 1).max().orElse(0);
        return model.size() < slots;
    }

    private static int freeBytes(Map<Integer, byte[]> model, int pageSize) {
        int slots = model.keySet().stream().mapToInt(i -> i + 1).max().orElse(0);
        int used = 0;
        for (byte[] b : model.values()) {
            used += SlottedPage.allocationSize(b.length);
        }
        return pageSize - SlottedPage.HEADER_SIZE - slots * SlottedPage.SLOT_SIZE - used;
    }

    private static int pick(Random rnd, Map<Integer, byte[]> model) {
        List<Integer> keys = new ArrayList<>(model.keySet());
        keys.sort(null);
        return keys.get(rnd.nextInt(keys.size()));
    }

    private static byte[] randomBytes(Random rnd, int len) {
        byte[] b = new byte[len];
        rnd.nextBytes(b);
        return b;
    }

    @Test
    void checksumDetectsAnyFlippedByte() {
        int pageSize = 4096;
        ByteBuffer buf = ByteBuffer.allocateDirect(pageSize).order(ByteOrder.LITTLE_ENDIAN);
        SlottedPage sp = new SlottedPage().wrap(buf, 0, pageSize);
        sp.init(9, PageType.HEAP);
        sp.insert(new byte[] {1, 2, 3});
        PageChecksum.stamp(buf, 0, pageSize);
        PageChecksum.verify(buf, 0, pageSize, 9, "f");
        for (int pos : new int[] {4, 17, 100, 4095}) {
            buf.put(pos, (byte) (buf.get(pos) ^ 0x10));
            int p = pos;
            io.rustydb.core.DbException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.rustydb.core.DbException.class, () -> PageChecksum.verify(buf, 0, pageSize, 9, "f"), "pos " + p);
            assertEquals("XX001", e.sqlState());
            assertTrue(e.getMessage().contains("page 9"), e.getMessage());
            buf.put(pos, (byte) (buf.get(pos) ^ 0x10));
        }
    }

    @Test
    void maxTupleFitsEmptyPageAndSlotCanAlwaysBecomeForwardPointer() {
        for (int pageSize = 4096; pageSize <= 65536; pageSize *= 2) {
            ByteBuffer buf = ByteBuffer.allocateDirect(pageSize).order(ByteOrder.LITTLE_ENDIAN);
            SlottedPage sp = new SlottedPage().wrap(buf, 0, pageSize);
            sp.init(1, PageType.HEAP);
            int max = SlottedPage.maxTupleLength(pageSize);
            int slot = sp.insert(new byte[max]);
            assertEquals(0, slot, "pageSize " + pageSize);
            assertEquals(-1, sp.insert(new byte[0]), "page is full");
            assertTrue(sp.reallocate(slot, 8, SlottedPage.FLAG_REDIRECT));
            assertEquals(SlottedPage.FLAG_REDIRECT, sp.flags(slot));
            assertEquals(8, sp.tupleLength(slot));
        }
    }
}
