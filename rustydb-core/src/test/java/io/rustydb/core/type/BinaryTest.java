package io.rustydb.core.type;

import static io.rustydb.core.type.Assertions2.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryTest {

    @Test
    void copiesInAndOut() {
        byte[] src = {1, 2, 3};
        Binary b = Binary.of(src);
        src[0] = 9;
        assertEquals(1, b.byteAt(0));
        byte[] out = b.toByteArray();
        out[1] = 9;
        assertEquals(2, b.byteAt(1));
        assertArrayEquals(new byte[] {1, 2, 3}, b.toByteArray());
        assertEquals(3, b.length());
        assertEquals(Binary.of(new byte[] {2, 3}), Binary.of(new byte[] {1, 2, 3, 4}, 1, 2));
        assertSame(Binary.EMPTY, Binary.of(new byte[0]));
        byte[] dst = new byte[5];
        b.copyTo(dst, 1);
        assertArrayEquals(new byte[] {0, 1, 2, 3, 0}, dst);
        assertEquals(Binary.of(new byte[] {1, 2}), b.prefix(2));
        assertSame(b, b.prefix(3));
    }

    @Test
    void equalityAndUnsignedOrder() {
        assertEquals(Binary.of(new byte[] {1, 2}), Binary.of(new byte[] {1, 2}));
        assertEquals(Binary.of(new byte[] {1, 2}).hashCode(), Binary.of(new byte[] {1, 2}).hashCode());
        assertNotEquals(Binary.of(new byte[] {1, 2}), Binary.of(new byte[] {1, 2, 0}));
        assertTrue(Binary.of(new byte[] {(byte) 0xff}).compareTo(Binary.of(new byte[] {0x7f})) > 0);
        assertTrue(Binary.of(new byte[] {1}).compareTo(Binary.of(new byte[] {1, 0})) < 0);
        assertTrue(Binary.EMPTY.compareTo(Binary.of(new byte[] {0})) < 0);
        assertEquals(0, Binary.of(new byte[] {5}).compareTo(Binary.of(new byte[] {5})));
    }

    @Test
    void hex() {
        Binary b = Binary.of(new byte[] {0x0a, 0x1b, (byte) 0xff, 0});
        assertEquals("\\x0a1bff00", b.toString());
        assertEquals("0a1bff00", b.toHex());
        assertEquals(b, Binary.fromHex("0A1bFF00"));
        assertEquals(Binary.EMPTY, Binary.fromHex(""));
        assertSqlState("22P02", () -> Binary.fromHex("abc"));
        assertSqlState("22P02", () -> Binary.fromHex("0g"));
        assertSqlState("22P02", () -> Binary.fromHex("٣٣"));
    }
}
