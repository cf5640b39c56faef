package io.rustydb.storage.tuple;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.SqlArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The payload of an ARRAY value inside a row ({@link RowCodec} writes a u32 length in front of it, or moves it to
 * overflow pages like a long string).
 *
 * <p>Layout (little-endian, no alignment):
 * <pre>
 *  0         4                  4+B
 *  +---------+------------------+---------------------------------------------------+
 *  | count   | null bitmap      | the non-NULL elements in order, each encoded as a |
 *  | u32 = n | B = ceil(n/8) B  | column of the element type in {@link RowCodec}     |
 *  +---------+------------------+---------------------------------------------------+
 * </pre>
 * Bit {@code i % 8} of bitmap byte {@code i / 8} is set when element {@code i} (0-based) is NULL. Elements are
 * always inline (never an overflow reference); arrays of arrays do not exist.
 */
public final class ArrayCodec {
    /** Offset of the element count in the payload. */
    public static final int COUNT_OFFSET = 0;
    /** Offset of the null bitmap in the payload. */
    public static final int NULL_BITMAP_OFFSET = 4;

    private ArrayCodec() {
    }

    /** The payload's size in bytes. */
    static int payloadSize(DataType element, SqlArray array) {
        int n = array.size();
        int size = NULL_BITMAP_OFFSET + ((n + 7) >>> 3);
        for (Object e : array.elements()) {
            if (e != null) {
                size += RowCodec.encodedSize(element, e);
            }
        }
        return size;
    }

    /** Writes the payload at {@code out}'s position (a little-endian buffer), advancing it. */
    static void writePayload(ByteBuffer out, DataType element, SqlArray array) {
        int n = array.size();
        out.putInt(n);
        for (int b = 0; b < (n + 7) >>> 3; b++) {
            int bits = 0;
            for (int bit = 0; bit < 8 && b * 8 + bit < n; bit++) {
                if (array.elements().get(b * 8 + bit) == null) {
                    bits |= 1 << bit;
                }
            }
            out.put((byte) bits);
        }
        for (Object e : array.elements()) {
            if (e != null) {
                RowCodec.write(out, element, e);
            }
        }
    }

    /** The payload as a byte array (what goes to overflow pages). */
    static byte[] encode(DataType element, SqlArray array) {
        ByteBuffer out = ByteBuffer.allocate(payloadSize(element, array)).order(ByteOrder.LITTLE_ENDIAN);
        writePayload(out, element, array);
        return out.array();
    }

    /** Reads a payload held in a byte array. */
    static SqlArray decode(DataType element, byte[] payload) {
        return readPayload(ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN), 0, payload.length, element);
    }

    /** Reads the {@code length}-byte payload at {@code pos} of {@code in} (little-endian, absolute reads). */
    static SqlArray readPayload(ByteBuffer in, int pos, int length, DataType element) {
        int end = pos + length;
        if (length < NULL_BITMAP_OFFSET) {
            throw truncated();
        }
        int n = in.getInt(pos + COUNT_OFFSET);
        int bitmap = pos + NULL_BITMAP_OFFSET;
        int p = bitmap + ((n + 7) >>> 3);
        if (n < 0 || p > end) {
            throw truncated();
        }
        Object[] elements = new Object[n];
        for (int i = 0; i < n; i++) {
            if ((in.get(bitmap + (i >>> 3)) & (1 << (i & 7))) != 0) {
                continue;
            }
            int size = RowCodec.valueSize(in, p, element);
            if (size < 0 || p + size > end) {
                throw truncated();
            }
            elements[i] = RowCodec.read(in, p, element);
            p += size;
        }
        return SqlArray.of(elements);
    }

    private static DbException truncated() {
        return new DbException(ErrorCode.DATA_CORRUPTED, "array value is truncated");
    }
}
