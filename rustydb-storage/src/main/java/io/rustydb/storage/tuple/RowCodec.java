package io.rustydb.storage.tuple;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.json.JsonValue;
import io.rustydb.core.type.Binary;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Interval;
import io.rustydb.storage.heap.OverflowRef;
import io.rustydb.storage.heap.OverflowStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Encodes a row of SQL values into the bytes of a heap tuple, and decodes them straight from page memory.
 *
 * <p>Layout of an encoded row (little-endian, no alignment):
 * <pre>
 *  0        1        3                 3+B
 *  +--------+--------+-----------------+------------------------------------------+
 *  | format | ncols  | null bitmap     | values of the non-NULL columns, in order |
 *  | u8 = 1 | u16    | B = ceil(n/8) B | (encodings below)                        |
 *  +--------+--------+-----------------+------------------------------------------+
 * </pre>
 * Bit {@code i % 8} of bitmap byte {@code i / 8} is set when column {@code i} is NULL; NULL columns take no value
 * bytes. Value encodings by type:
 * <pre>
 *  BOOLEAN                 u8 (0 or 1)
 *  SMALLINT / INTEGER      i16 / i32
 *  BIGINT                  i64
 *  REAL / DOUBLE           IEEE-754 f32 / f64
 *  DECIMAL                 u8 scale, u8 n, n bytes two's-complement big-endian unscaled value (n <= 17)
 *  CHAR/VARCHAR/TEXT       u32 length, UTF-8 bytes     (or an external reference, below)
 *  VARBINARY/BLOB          u32 length, bytes           (or an external reference, below)
 *  DATE                    i32 epoch day
 *  TIME                    i64 nanosecond of day
 *  TIMESTAMP               i64 epoch second (as if UTC), i32 nano
 *  TIMESTAMP WITH TIME ZONE i64 epoch second, i32 nano (the instant, UTC)
 *  UUID                    i64 most significant bits, i64 least significant bits
 *  INTERVAL                i32 months, i32 days, i64 microseconds
 *  JSON / JSONB            u32 length, UTF-8 text  (or an external reference, below); JSON's text as given,
 *                          JSONB's canonical text (see io.rustydb.core.json.JsonValue)
 *  ARRAY                   u32 length, that many bytes of {@link ArrayCodec} payload  (or an external reference)
 * </pre>
 * A string, binary or JSON value too large to keep in the row is stored in overflow pages ({@link OverflowStore}); the
 * row then holds its reference: the length field has its top bit set ({@link #EXTERNAL_FLAG}) and its low bits say
 * 12, followed by the {@link OverflowRef} (first page i32, length i64). {@link #encode(DataType[], Object[],
 * OverflowStore, int)} moves the largest values out until the row is at most the given size.
 *
 * <p>The row's column count is stored so that a table that gains columns later can still read its older rows
 * (missing trailing columns read as NULL). The format byte leaves room for later layouts (e.g. MVCC headers).
 */
public final class RowCodec {
    /** Layout version written in the first byte of every encoded row. */
    public static final int FORMAT_V1 = 1;
    public static final int FORMAT_OFFSET = 0;
    public static final int COLUMN_COUNT_OFFSET = 1;
    public static final int NULL_BITMAP_OFFSET = 3;
    /** Top bit of a variable-length value's length field: the value lives in overflow pages. */
    public static final int EXTERNAL_FLAG = 0x8000_0000;
    /** Values smaller than this are never moved out of the row (the reference would not save much). */
    public static final int MIN_EXTERNAL_LENGTH = 64;

    private RowCodec() {
    }

    /**
     * Encodes {@code values}, moving the largest string and binary values to {@code overflow} until the row takes
     * at most {@code maxRowLength} bytes (or no value is left to move). The caller owns the references written
     * (see {@link #externalRefs}).
     */
    public static byte[] encode(DataType[] types, Object[] values, OverflowStore overflow, int maxRowLength) {
        byte[] inline = encode(types, values);
        if (inline.length <= maxRowLength || overflow == null) {
            return inline;
        }
        Object[] stored = values.clone();
        int size = inline.length;
        while (size > maxRowLength) {
            int largest = -1;
            int largestSize = MIN_EXTERNAL_LENGTH - 1;
            for (int i = 0; i < types.length; i++) {
                if (stored[i] != null && !(stored[i] instanceof OverflowRef) && isVariable(types[i])) {
                    int sz = encodedSize(types[i], stored[i]);
                    if (sz > largestSize) {
                        largest = i;
                        largestSize = sz;
                    }
                }
            }
            if (largest < 0) {
                break;
            }
            byte[] bytes = stored[largest] instanceof String str ? str.getBytes(StandardCharsets.UTF_8)
                    : stored[largest] instanceof JsonValue json ? json.text().getBytes(StandardCharsets.UTF_8)
                    : stored[largest] instanceof io.rustydb.core.type.SqlArray a
                    ? ArrayCodec.encode(types[largest].elementType(), a)
                    : ((Binary) stored[largest]).toByteArray();
            stored[largest] = overflow.write(bytes);
            size = size - largestSize + 4 + OverflowRef.ENCODED_LENGTH;
        }
        return encode(types, stored);
    }

    private static boolean isVariable(DataType type) {
        switch (type.id()) {
            case CHAR:
            case VARCHAR:
            case TEXT:
            case VARBINARY:
            case BLOB:
            case JSON:
            case JSONB:
            case ARRAY:
                return true;
            default:
                return false;
        }
    }

    /** Encodes {@code values} (already cast to {@code types}) into a new byte array, every value inline. */
    public static byte[] encode(DataType[] types, Object[] values) {
        int n = types.length;
        int bitmapBytes = (n + 7) >>> 3;
        int size = NULL_BITMAP_OFFSET + bitmapBytes;
        for (int i = 0; i < n; i++) {
            if (values[i] != null) {
                size += encodedSize(types[i], values[i]);
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) FORMAT_V1);
        out.putShort((short) n);
        for (int b = 0; b < bitmapBytes; b++) {
            int bits = 0;
            for (int bit = 0; bit < 8; bit++) {
                int col = b * 8 + bit;
                if (col < n && values[col] == null) {
                    bits |= 1 << bit;
                }
            }
            out.put((byte) bits);
        }
        for (int i = 0; i < n; i++) {
            if (values[i] != null) {
                write(out, types[i], values[i]);
            }
        }
        return out.array();
    }

    /**
     * Decodes the row at {@code offset} of {@code page} into {@code target[...][row]}, one array per column of
     * {@code types}. {@code page} is read with absolute accessors only, so a shared page view is never moved.
     */
    public static void decodeInto(ByteBuffer page, int offset, int length, DataType[] types, Object[][] target, int row) {
        decodeInto(page, offset, length, types, target, row, null);
    }

    /**
     * Like {@link #decodeInto(ByteBuffer, int, int, DataType[], Object[][], int)}, reading values kept in overflow
     * pages from {@code overflow} (null: such a value is reported as corruption).
     */
    public static void decodeInto(ByteBuffer page, int offset, int length, DataType[] types, Object[][] target, int row,
                                  OverflowStore overflow) {
        ByteBuffer in = page.order() == ByteOrder.LITTLE_ENDIAN ? page : page.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (length < NULL_BITMAP_OFFSET || in.get(offset + FORMAT_OFFSET) != FORMAT_V1) {
            throw new DbException(ErrorCode.DATA_CORRUPTED, "row at offset " + offset + " has an unknown format");
        }
        int stored = Short.toUnsignedInt(in.getShort(offset + COLUMN_COUNT_OFFSET));
        int bitmap = offset + NULL_BITMAP_OFFSET;
        int pos = bitmap + ((stored + 7) >>> 3);
        int end = offset + length;
        for (int i = 0; i < types.length; i++) {
            if (i >= stored || (in.get(bitmap + (i >>> 3)) & (1 << (i & 7))) != 0) {
                target[i][row] = null;
                continue;
            }
            if (isVariable(types[i]) && (in.getInt(pos) & EXTERNAL_FLAG) != 0) {
                if (pos + 4 + OverflowRef.ENCODED_LENGTH > end || overflow == null) {
                    throw new DbException(ErrorCode.DATA_CORRUPTED, "row at offset " + offset
                            + " has a bad reference to a large value");
                }
                byte[] bytes = overflow.read(OverflowRef.decode(in, pos + 4));
                target[i][row] = types[i].id().isString() ? new String(bytes, StandardCharsets.UTF_8)
                        : types[i].id().isJson() ? json(new String(bytes, StandardCharsets.UTF_8), types[i])
                        : types[i].elementType() != null ? ArrayCodec.decode(types[i].elementType(), bytes)
                        : Binary.of(bytes);
                pos += 4 + OverflowRef.ENCODED_LENGTH;
                continue;
            }
            int size = valueSize(in, pos, types[i]);
            if (size < 0 || pos + size > end) {
                throw new DbException(ErrorCode.DATA_CORRUPTED, "row at offset " + offset + " is truncated");
            }
            target[i][row] = read(in, pos, types[i]);
            pos += size;
        }
    }

    /** The overflow references a row holds (empty for most rows): what to free when the row is gone for good. */
    public static java.util.List<OverflowRef> externalRefs(byte[] tuple, DataType[] types) {
        java.util.List<OverflowRef> refs = new java.util.ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(tuple).order(ByteOrder.LITTLE_ENDIAN);
        int stored = Short.toUnsignedInt(in.getShort(COLUMN_COUNT_OFFSET));
        int bitmap = NULL_BITMAP_OFFSET;
        int pos = bitmap + ((stored + 7) >>> 3);
        for (int i = 0; i < types.length && i < stored; i++) {
            if ((in.get(bitmap + (i >>> 3)) & (1 << (i & 7))) != 0) {
                continue;
            }
            if (isVariable(types[i]) && (in.getInt(pos) & EXTERNAL_FLAG) != 0) {
                OverflowRef ref = OverflowRef.decode(in, pos + 4);
                if (ref.length() > 0) {
                    refs.add(ref);
                }
                pos += 4 + OverflowRef.ENCODED_LENGTH;
            } else {
                pos += valueSize(in, pos, types[i]);
            }
        }
        return refs;
    }

    /** Decodes a whole row held in a byte array. */
    public static Object[] decode(byte[] tuple, DataType[] types) {
        return decode(tuple, types, null);
    }

    /** Decodes a whole row held in a byte array, reading values kept in overflow pages from {@code overflow}. */
    public static Object[] decode(byte[] tuple, DataType[] types, OverflowStore overflow) {
        Object[][] columns = new Object[types.length][1];
        decodeInto(ByteBuffer.wrap(tuple).order(ByteOrder.LITTLE_ENDIAN), 0, tuple.length, types, columns, 0,
                overflow);
        Object[] row = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            row[i] = columns[i][0];
        }
        return row;
    }

    static int encodedSize(DataType type, Object value) {
        if (value instanceof OverflowRef) {
            return 4 + OverflowRef.ENCODED_LENGTH;
        }
        switch (type.id()) {
            case BOOLEAN:
                return 1;
            case SMALLINT:
                return 2;
            case INTEGER:
            case REAL:
            case DATE:
                return 4;
            case BIGINT:
            case DOUBLE:
            case TIME:
                return 8;
            case TIMESTAMP:
            case TIMESTAMP_TZ:
                return 12;
            case UUID:
            case INTERVAL:
                return 16;
            case DECIMAL:
                return 2 + ((BigDecimal) value).unscaledValue().toByteArray().length;
            case CHAR:
            case VARCHAR:
            case TEXT:
                return 4 + utf8Length((String) value);
            case VARBINARY:
            case BLOB:
                return 4 + ((Binary) value).length();
            case JSON:
            case JSONB:
                return 4 + utf8Length(((JsonValue) value).text());
            case ARRAY:
                return 4 + ArrayCodec.payloadSize(type.elementType(), (io.rustydb.core.type.SqlArray) value);
            default:
                throw DbException.internal("cannot store a value of type " + type.sqlName());
        }
    }

    static void write(ByteBuffer out, DataType type, Object value) {
        if (value instanceof OverflowRef ref) {
            out.putInt(EXTERNAL_FLAG | OverflowRef.ENCODED_LENGTH);
            ref.encode(out, out.position());
            out.position(out.position() + OverflowRef.ENCODED_LENGTH);
            return;
        }
        switch (type.id()) {
            case BOOLEAN:
                out.put((byte) (((Boolean) value) ? 1 : 0));
                break;
            case SMALLINT:
                out.putShort((Short) value);
                break;
            case INTEGER:
                out.putInt((Integer) value);
                break;
            case BIGINT:
                out.putLong((Long) value);
                break;
            case REAL:
                out.putFloat((Float) value);
                break;
            case DOUBLE:
                out.putDouble((Double) value);
                break;
            case DATE:
                out.putInt(Math.toIntExact(((LocalDate) value).toEpochDay()));
                break;
            case TIME:
                out.putLong(((LocalTime) value).toNanoOfDay());
                break;
            case TIMESTAMP: {
                LocalDateTime t = (LocalDateTime) value;
                out.putLong(t.toEpochSecond(ZoneOffset.UTC));
                out.putInt(t.getNano());
                break;
            }
            case TIMESTAMP_TZ: {
                OffsetDateTime t = (OffsetDateTime) value;
                out.putLong(t.toEpochSecond());
                out.putInt(t.getNano());
                break;
            }
            case UUID: {
                UUID u = (UUID) value;
                out.putLong(u.getMostSignificantBits());
                out.putLong(u.getLeastSignificantBits());
                break;
            }
            case INTERVAL: {
                Interval i = (Interval) value;
                out.putInt(i.months());
                out.putInt(i.days());
                out.putLong(i.micros());
                break;
            }
            case DECIMAL: {
                BigDecimal d = (BigDecimal) value;
                byte[] unscaled = d.unscaledValue().toByteArray();
                if (d.scale() < 0 || d.scale() > 255 || unscaled.length > 255) {
                    throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range: " + d);
                }
                out.put((byte) d.scale());
                out.put((byte) unscaled.length);
                out.put(unscaled);
                break;
            }
            case CHAR:
            case VARCHAR:
            case TEXT: {
                byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
                out.putInt(bytes.length);
                out.put(bytes);
                break;
            }
            case VARBINARY:
            case BLOB: {
                byte[] bytes = ((Binary) value).toByteArray();
                out.putInt(bytes.length);
                out.put(bytes);
                break;
            }
            case JSON:
            case JSONB: {
                byte[] bytes = ((JsonValue) value).text().getBytes(StandardCharsets.UTF_8);
                out.putInt(bytes.length);
                out.put(bytes);
                break;
            }
            case ARRAY: {
                io.rustydb.core.type.SqlArray a = (io.rustydb.core.type.SqlArray) value;
                out.putInt(ArrayCodec.payloadSize(type.elementType(), a));
                ArrayCodec.writePayload(out, type.elementType(), a);
                break;
            }
            default:
                throw DbException.internal("cannot store a value of type " + type.sqlName());
        }
    }

    static int valueSize(ByteBuffer in, int pos, DataType type) {
        switch (type.id()) {
            case BOOLEAN:
                return 1;
            case SMALLINT:
                return 2;
            case INTEGER:
            case REAL:
            case DATE:
                return 4;
            case BIGINT:
            case DOUBLE:
            case TIME:
                return 8;
            case TIMESTAMP:
            case TIMESTAMP_TZ:
                return 12;
            case UUID:
            case INTERVAL:
                return 16;
            case DECIMAL:
                return 2 + Byte.toUnsignedInt(in.get(pos + 1));
            default:
                return 4 + in.getInt(pos);
        }
    }

    static Object read(ByteBuffer in, int pos, DataType type) {
        switch (type.id()) {
            case BOOLEAN:
                return in.get(pos) != 0;
            case SMALLINT:
                return in.getShort(pos);
            case INTEGER:
                return in.getInt(pos);
            case BIGINT:
                return in.getLong(pos);
            case REAL:
                return in.getFloat(pos);
            case DOUBLE:
                return in.getDouble(pos);
            case DATE:
                return LocalDate.ofEpochDay(in.getInt(pos));
            case TIME:
                return LocalTime.ofNanoOfDay(in.getLong(pos));
            case TIMESTAMP:
                return LocalDateTime.ofEpochSecond(in.getLong(pos), in.getInt(pos + 8), ZoneOffset.UTC);
            case TIMESTAMP_TZ:
                return OffsetDateTime.ofInstant(
                        java.time.Instant.ofEpochSecond(in.getLong(pos), in.getInt(pos + 8)), ZoneOffset.UTC);
            case UUID:
                return new UUID(in.getLong(pos), in.getLong(pos + 8));
            case INTERVAL:
                return Interval.of(in.getInt(pos), in.getInt(pos + 4), in.getLong(pos + 8));
            case DECIMAL: {
                int scale = Byte.toUnsignedInt(in.get(pos));
                byte[] unscaled = bytes(in, pos + 2, Byte.toUnsignedInt(in.get(pos + 1)));
                return new BigDecimal(new BigInteger(unscaled), scale);
            }
            case CHAR:
            case VARCHAR:
            case TEXT:
                return new String(bytes(in, pos + 4, in.getInt(pos)), StandardCharsets.UTF_8);
            case VARBINARY:
            case BLOB:
                return Binary.of(bytes(in, pos + 4, in.getInt(pos)));
            case JSON:
            case JSONB:
                return json(new String(bytes(in, pos + 4, in.getInt(pos)), StandardCharsets.UTF_8), type);
            case ARRAY:
                return ArrayCodec.readPayload(in, pos + 4, in.getInt(pos), type.elementType());
            default:
                throw DbException.internal("cannot read a value of type " + type.sqlName());
        }
    }

    private static JsonValue json(String text, DataType type) {
        return JsonValue.stored(text, type.id() == io.rustydb.core.type.TypeId.JSONB);
    }

    private static byte[] bytes(ByteBuffer in, int pos, int length) {
        byte[] dst = new byte[length];
        in.get(pos, dst, 0, length);
        return dst;
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
