package io.rustydb.storage.heap;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a row stores in place of a large value kept in overflow pages ({@link OverflowStore}): the value's first
 * page and its length. The empty value has no pages ({@code firstPageNo == 0}).
 *
 * <pre>
 *  encoded form, {@value #ENCODED_LENGTH} bytes, little-endian
 *  +-----+----+---------------------------------------------+
 *  |   0 |  4 | first page  first overflow page, 0 if empty  |
 *  |   4 |  8 | length      value length in bytes, 0..2^31-1 |
 *  +-----+----+---------------------------------------------+
 * </pre>
 *
 * @param firstPageNo the first page of the chain, 0 for the empty value
 * @param length the value's length in bytes
 */
public record OverflowRef(int firstPageNo, long length) {
    /** Bytes of {@link #encode}. */
    public static final int ENCODED_LENGTH = 12;
    /** The empty value. */
    public static final OverflowRef EMPTY = new OverflowRef(0, 0);

    public OverflowRef {
        if (length < 0 || length > OverflowStore.MAX_VALUE_LENGTH || firstPageNo < 0
                || (firstPageNo == 0) != (length == 0)) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid overflow reference: first page " + firstPageNo + ", length " + length);
        }
    }

    /** Writes the {@value #ENCODED_LENGTH}-byte form at absolute {@code offset} (little-endian). */
    public void encode(ByteBuffer buf, int offset) {
        ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(offset, firstPageNo);
        b.putLong(offset + 4, length);
    }

    /**
     * Reads the form written by {@link #encode}.
     *
     * @throws DbException 22023 if the bytes are not a valid reference
     */
    public static OverflowRef decode(ByteBuffer buf, int offset) {
        ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new OverflowRef(b.getInt(offset), b.getLong(offset + 4));
    }
}
