package io.rustydb.index.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Binary;
import io.rustydb.core.type.DataType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hand-picked cases for {@link KeyCodec}: the examples the class comment promises, the layout, and errors. */
class KeyCodecTest {
    private static final KeyCodec INT_ASC = KeyCodec.of(KeyColumn.asc(DataType.INTEGER));

    private static byte[] key(DataType type, Object value) {
        return KeyCodec.of(KeyColumn.asc(type)).encode(value);
    }

    private static void assertOrdered(DataType type, Object... ascending) {
        for (boolean desc : new boolean[] {false, true}) {
            KeyCodec codec = KeyCodec.of(new KeyColumn(type, desc, false));
            for (int i = 0; i + 1 < ascending.length; i++) {
                int c = KeyCodec.compare(codec.encode(ascending[i]), codec.encode(ascending[i + 1]));
                assertTrue(desc ? c > 0 : c < 0, type + (desc ? " DESC: " : ": ") + ascending[i] + " before "
                        + ascending[i + 1]);
            }
        }
    }

    @Test
    void layoutOfTheClassCommentExample() {
        KeyCodec codec = KeyCodec.of(KeyColumn.asc(DataType.INTEGER),
                new KeyColumn(DataType.VARCHAR, true, false), new KeyColumn(DataType.DATE, false, true));
        assertEquals("01800000050200", KeyCodecModelTest.hex(codec.encode(5, null, null)));
        // DESC complements the body but not the header: 'a' = 61 00 01 -> 9e ff fe
        assertEquals("0180000005019efffe", KeyCodecModelTest.hex(codec.encode(5, "a")));
    }

    @Test
    void sqlEqualValuesEncodeAlike() {
        assertArrayEquals(key(DataType.DECIMAL, new BigDecimal("1.0")), key(DataType.DECIMAL, new BigDecimal("1.00")));
        assertArrayEquals(key(DataType.DECIMAL, new BigDecimal("0")), key(DataType.DECIMAL, new BigDecimal("0.000")));
        assertArrayEquals(key(DataType.DECIMAL, new BigDecimal("100")), key(DataType.DECIMAL, new BigDecimal("1E+2")));
        assertArrayEquals(key(DataType.DOUBLE, 0.0), key(DataType.DOUBLE, -0.0));
        assertArrayEquals(key(DataType.REAL, 0.0f), key(DataType.REAL, -0.0f));
        assertArrayEquals(key(DataType.DOUBLE, Double.NaN), key(DataType.DOUBLE, Double.longBitsToDouble(-1L)));
        OffsetDateTime utc = OffsetDateTime.of(2024, 1, 2, 3, 0, 0, 5, ZoneOffset.UTC);
        assertArrayEquals(key(DataType.TIMESTAMP_TZ, utc),
                key(DataType.TIMESTAMP_TZ, utc.withOffsetSameInstant(ZoneOffset.ofHours(-7))));
    }

    @Test
    void numbersOrderAsValuesCompare() {
        assertOrdered(DataType.DOUBLE, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.0, -Double.MIN_VALUE, 0.0,
                Double.MIN_VALUE, Double.MIN_NORMAL, 1.0, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN);
        assertOrdered(DataType.REAL, Float.NEGATIVE_INFINITY, -1.0f, -0.0f, Float.MIN_VALUE, Float.POSITIVE_INFINITY,
                Float.NaN);
        assertOrdered(DataType.SMALLINT, Short.MIN_VALUE, (short) -1, (short) 0, (short) 1, Short.MAX_VALUE);
        assertOrdered(DataType.BIGINT, Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE);
        assertOrdered(DataType.DECIMAL, new BigDecimal("-1E+100"), new BigDecimal("-10"), new BigDecimal("-9.99"),
                new BigDecimal("-0.51"), new BigDecimal("-0.5"), new BigDecimal("-1E-100"), BigDecimal.ZERO,
                new BigDecimal("1E-100"), new BigDecimal("0.5"), new BigDecimal("0.501"), new BigDecimal("0.51"),
                new BigDecimal("9.99"), new BigDecimal("10"), new BigDecimal("10.01"), new BigDecimal("1E+100"));
    }

    @Test
    void stringsOrderByUtf16CodeUnitLikeStringCompareTo() {
        // U+FFFF sorts above the surrogate pair of U+1F600 in UTF-16 (String.compareTo), below it in UTF-8
        assertOrdered(DataType.VARCHAR, "", "\u0000", "\u0000\u0000", "\u0000a", "\u0001", "a", "a\u0000", "a\u0001",
                "ab", "\u00ff", "\ud7ff", "\ud83d\ude00", "\ue000", "\uffff", "\uffff\u0000");
        assertOrdered(DataType.charType(3), "a\u0000 ", "a  ", "ab ");
        assertOrdered(DataType.VARBINARY, Binary.EMPTY, Binary.fromHex("00"), Binary.fromHex("0000"),
                Binary.fromHex("0001"), Binary.fromHex("01"), Binary.fromHex("ff"), Binary.fromHex("ff00"),
                Binary.fromHex("ffff"));
        assertOrdered(DataType.UUID, new UUID(0, 0), new UUID(0, -1), new UUID(Long.MAX_VALUE, 0),
                new UUID(Long.MIN_VALUE, 0), new UUID(-1, -1));
        assertOrdered(DataType.DATE, LocalDate.MIN, LocalDate.of(-1, 1, 1), LocalDate.EPOCH, LocalDate.MAX);
    }

    @Test
    void nullsFirstOrLastInBothDirections() {
        for (boolean desc : new boolean[] {false, true}) {
            for (boolean nullsFirst : new boolean[] {false, true}) {
                KeyCodec codec = KeyCodec.of(new KeyColumn(DataType.INTEGER, desc, nullsFirst));
                byte[] nul = codec.encode((Object) null);
                for (int v : new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}) {
                    int c = KeyCodec.compare(nul, codec.encode(v));
                    assertTrue(nullsFirst ? c < 0 : c > 0, "desc=" + desc + " nullsFirst=" + nullsFirst + " " + v);
                }
                assertArrayEquals(new Object[] {null}, codec.decode(nul));
            }
        }
    }

    @Test
    void decodeRestoresDeclaredScaleAndUtc() {
        KeyCodec codec = KeyCodec.of(KeyColumn.asc(DataType.decimal(10, 2)), KeyColumn.asc(DataType.DECIMAL),
                KeyColumn.asc(DataType.TIMESTAMP_TZ));
        OffsetDateTime local = OffsetDateTime.of(2024, 1, 2, 3, 0, 0, 0, ZoneOffset.ofHours(2));
        Object[] back = codec.decode(codec.encode(new BigDecimal("100.00"), new BigDecimal("1.50"), local));
        assertEquals(new BigDecimal("100.00"), back[0]);
        assertEquals(new BigDecimal("1.5"), back[1]);
        assertEquals(local.withOffsetSameInstant(ZoneOffset.UTC), back[2]);
        assertEquals(new BigDecimal("0.00"), codec.decode(codec.encode(new BigDecimal("0")))[0]);
        assertEquals(new BigDecimal("1000"), codec.decode(codec.encode(null, new BigDecimal("1E+3")))[1]);
    }

    @Test
    void prefixKeysArePrefixesAndDecodeShort() {
        KeyCodec codec = KeyCodec.of(KeyColumn.asc(DataType.VARCHAR), KeyColumn.desc(DataType.BIGINT));
        byte[] full = codec.encode("ab", 7L);
        byte[] prefix = codec.encode("ab");
        assertArrayEquals(prefix, Arrays.copyOf(full, prefix.length));
        assertArrayEquals(new Object[] {"ab"}, codec.decode(prefix));
        assertEquals(0, codec.decode(codec.encode()).length);
        byte[] bound = KeyCodec.prefixUpperBound(prefix);
        assertTrue(KeyCodec.compare(codec.encode("ab", Long.MIN_VALUE), bound) < 0);
        assertTrue(KeyCodec.compare(codec.encode("ab", null), bound) < 0);
        assertTrue(KeyCodec.compare(codec.encode("ab\u0000", 0L), bound) > 0);
        assertTrue(KeyCodec.compare(codec.encode("abc", 0L), bound) > 0);
        assertNull(KeyCodec.prefixUpperBound(new byte[0]));
        assertNull(KeyCodec.prefixUpperBound(new byte[] {(byte) 0xFF, (byte) 0xFF}));
        assertArrayEquals(new byte[] {1, 3}, KeyCodec.prefixUpperBound(new byte[] {1, 2, (byte) 0xFF}));
        List<Object> listed = new ArrayList<>();
        listed.add("ab");
        listed.add(null);
        assertArrayEquals(codec.encode("ab", null), codec.encode(listed));
    }

    @Test
    void decodeOfARangeWithinALargerArray() {
        byte[] key = INT_ASC.encode(42);
        byte[] page = new byte[key.length + 10];
        System.arraycopy(key, 0, page, 5, key.length);
        assertArrayEquals(new Object[] {42}, INT_ASC.decode(page, 5, key.length));
    }

    @Test
    void wrongJavaClassIsDatatypeMismatch() {
        DbException e = assertThrows(DbException.class, () -> INT_ASC.encode(42L));
        assertEquals(ErrorCode.DATATYPE_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("INTEGER") && e.getMessage().contains("java.lang.Long"), e.getMessage());
        assertEquals(ErrorCode.DATATYPE_MISMATCH, assertThrows(DbException.class,
                () -> KeyCodec.of(KeyColumn.asc(DataType.VARBINARY)).encode((Object) new byte[0])).code());
        assertEquals(ErrorCode.DATATYPE_MISMATCH, assertThrows(DbException.class,
                () -> KeyCodec.of(KeyColumn.asc(DataType.NULL))).code());
        assertEquals(ErrorCode.INTERNAL_ERROR, assertThrows(DbException.class, () -> INT_ASC.encode(1, 2)).code());
    }

    @Test
    void damagedKeysAreDataCorrupted() {
        KeyCodec codec = KeyCodec.of(KeyColumn.asc(DataType.VARCHAR), KeyColumn.asc(DataType.DECIMAL));
        byte[] key = codec.encode("abc", new BigDecimal("-12.5"));
        for (int n = 1; n < key.length; n++) {
            byte[] cut = Arrays.copyOf(key, n);
            if (n == 6) {
                assertEquals(1, codec.decode(cut).length); // ends exactly after the string column: a prefix key
                continue;
            }
            DbException e = assertThrows(DbException.class, () -> codec.decode(cut), "cut at " + n);
            assertEquals(ErrorCode.DATA_CORRUPTED, e.code(), e.getMessage());
        }
        byte[] badHeader = key.clone();
        badHeader[0] = 7;
        assertEquals(ErrorCode.DATA_CORRUPTED, assertThrows(DbException.class, () -> codec.decode(badHeader)).code());
        byte[] extra = Arrays.copyOf(key, key.length + 1);
        assertEquals(ErrorCode.DATA_CORRUPTED, assertThrows(DbException.class, () -> codec.decode(extra)).code());
    }
}
