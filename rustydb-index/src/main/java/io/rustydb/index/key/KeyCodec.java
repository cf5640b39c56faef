package io.rustydb.index.key;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Values;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Encodes a tuple of SQL values as a byte string whose unsigned lexicographic order ({@link #compare}) is the SQL
 * order of the tuples, column by column: each column ascending or descending, its NULLs first or last, and values
 * that are equal in SQL encoded to equal bytes. "SQL order" is {@link Values#compare} (the comparison every RustyDB
 * layer uses), so, for example, DECIMAL {@code 1.0} and {@code 1.00} encode alike, {@code -0.0} equals {@code 0.0},
 * NaN equals NaN and sorts above {@code +Infinity}, strings order by UTF-16 code unit, TIMESTAMP WITH TIME ZONE by
 * instant. A B+tree over such keys needs no type knowledge: it compares bytes.
 *
 * <h2>Layout (persistent: changing it changes the index file format)</h2>
 * <pre>
 *  key    := column column ...           one per column; a prefix key encodes only the leading columns
 *  column := 0x00                        NULL in a NULLS FIRST column
 *          | 0x01 body                   a value; every byte of body complemented (0xFF - b) in a DESC column
 *          | 0x02                        NULL in a NULLS LAST column
 *
 *  e.g. (INTEGER ASC, VARCHAR DESC NULLS LAST, DATE ASC NULLS FIRST) = (5, NULL, NULL):
 *  +------+-------------+------+------+
 *  | 0x01 | 80 00 00 05 | 0x02 | 0x00 |
 *  +------+-------------+------+------+
 *   hdr    body col 0    col 1  col 2
 *
 *  body, ascending form:
 *  BOOLEAN            1 byte: 0x00 false, 0x01 true                               {@code BooleanEncoder}
 *  SMALLINT/INTEGER/  2/4/8 bytes big-endian, sign bit flipped                    {@code IntegralEncoder}
 *    BIGINT
 *  REAL/DOUBLE        4/8 bytes: IEEE bits, positive: sign bit flipped,           {@code FloatingEncoder}
 *                     negative: all bits flipped; -0.0 as 0.0, one NaN (greatest)
 *  DECIMAL            0x02 zero | 0x03 varint(exp) digit-pairs                    {@code DecimalEncoder}
 *                     | 0x01 ~(varint(exp) digit-pairs)   (negative)
 *  CHAR/VARCHAR/TEXT  CESU-8 (UTF-16 units as UTF-8), 0x00 -&gt; 00 FF, end 00 01  {@code StringEncoder}
 *  VARBINARY/BLOB     the bytes, 0x00 -&gt; 00 FF, end 00 01                        {@code BinaryEncoder}
 *  DATE               varint(epoch day)                                           {@code TemporalEncoder}
 *  TIME               varint(nano of day)
 *  TIMESTAMP          varint(epoch second, UTC) + 4-byte nano
 *  TIMESTAMP_TZ       varint(epoch second of the instant) + 4-byte nano
 *  UUID               16 bytes big-endian                                         {@code UuidEncoder}
 *  INTERVAL           varint(span days, 30-day months) + 8-byte span microseconds {@code IntervalEncoder}
 *  varint             order-preserving signed varint, 1-9 bytes                   {@code OrderedVarint}
 * </pre>
 *
 * Invariants that make this work:
 * <ol>
 *   <li>Every body is prefix-free (fixed width, or self-terminating). So two keys first differ inside the first
 *       column whose values differ, and that column alone decides; complementing a body reverses its order without
 *       hiding its end from a decoder.</li>
 *   <li>The header byte is never complemented: NULLS FIRST/LAST holds in both directions.</li>
 *   <li>A column's bytes depend only on its own value, so {@code encode(v1..vk)} is a byte prefix of the key of
 *       every tuple that starts with {@code v1..vk}, and {@link #prefixUpperBound} of it bounds them all.</li>
 * </ol>
 *
 * <p>CHAR values are encoded as they are, blank padding included: RustyDB pads on assignment and compares CHAR
 * like any string. A value of the wrong Java class is a {@link ErrorCode#DATATYPE_MISMATCH} error.
 *
 * <p>Decoding returns the classes of {@link io.rustydb.core.type.DataType#javaClass()}, equal in SQL to what was
 * encoded; it is exact except where SQL equality merges values: {@code -0.0} and NaN payloads come back as
 * {@code 0.0} and the canonical NaN, an unconstrained DECIMAL loses trailing fraction zeros ({@code 1.50} gives
 * {@code 1.5}; a {@code DECIMAL(p,s)} value comes back with scale {@code s}), and TIMESTAMP WITH TIME ZONE comes
 * back at UTC.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyCodec {
    /** Header of a NULL in a NULLS FIRST column. */
    static final int NULL_FIRST = 0x00;
    /** Header of a non-null value. */
    static final int VALUE = 0x01;
    /** Header of a NULL in a NULLS LAST column. */
    static final int NULL_LAST = 0x02;

    private final List<KeyColumn> columns;
    private final ValueEncoder[] encoders;

    /** A codec for keys of these columns, in order; at least one. */
    public KeyCodec(List<KeyColumn> columns) {
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw DbException.internal("an index key needs at least one column");
        }
        this.encoders = new ValueEncoder[this.columns.size()];
        for (int i = 0; i < encoders.length; i++) {
            encoders[i] = ValueEncoder.forType(this.columns.get(i).type());
        }
    }

    /** {@code new KeyCodec(List.of(columns))}. */
    public static KeyCodec of(KeyColumn... columns) {
        return new KeyCodec(List.of(columns));
    }

    public List<KeyColumn> columns() {
        return columns;
    }

    public int columnCount() {
        return encoders.length;
    }

    /**
     * The key of a tuple, or of a prefix of one: {@code values} holds the first {@code k} columns' values
     * ({@code 0 <= k <= columnCount()}), Java {@code null} for SQL NULL. A value whose class is not its column's
     * {@link io.rustydb.core.type.DataType#javaClass()} is a {@link ErrorCode#DATATYPE_MISMATCH} error.
     */
    public byte[] encode(Object... values) {
        Objects.requireNonNull(values, "values");
        return encode(Arrays.asList(values));
    }

    /** {@link #encode(Object...)} of a list (which may contain nulls). */
    public byte[] encode(List<?> values) {
        if (values.size() > encoders.length) {
            throw DbException.internal(values.size() + " values for an index key of " + encoders.length + " columns");
        }
        KeyWriter out = new KeyWriter(8 * values.size() + 8);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            KeyColumn column = columns.get(i);
            if (value == null) {
                out.put(column.nullsFirst() ? NULL_FIRST : NULL_LAST);
                continue;
            }
            if (!column.type().javaClass().isInstance(value)) {
                throw new DbException(ErrorCode.DATATYPE_MISMATCH, "index key column " + i + " has type "
                        + column.type().sqlName() + " (Java class " + column.type().javaClass().getName()
                        + "), not a value of class " + value.getClass().getName() + ": " + value);
            }
            out.put(VALUE);
            int bodyStart = out.size();
            encoders[i].encode(value, out);
            if (column.descending()) {
                out.invertFrom(bodyStart);
            }
        }
        return out.toByteArray();
    }

    /** The values of a key made by {@link #encode}: one per encoded column, so fewer for a prefix key. */
    public Object[] decode(byte[] key) {
        return decode(key, 0, key.length);
    }

    /**
     * The values of the key in {@code key[offset, offset + length)}. Bytes that are not a valid key (truncated,
     * bad header or body) are a {@link ErrorCode#DATA_CORRUPTED} error naming the offset.
     */
    public Object[] decode(byte[] key, int offset, int length) {
        KeyReader in = new KeyReader(key, offset, length);
        Object[] values = new Object[encoders.length];
        int n = 0;
        while (in.hasRemaining()) {
            if (n == encoders.length) {
                throw in.corrupt("bytes after the last of " + encoders.length + " columns");
            }
            KeyColumn column = columns.get(n);
            int header = in.getRaw();
            if (header == VALUE) {
                in.setDescending(column.descending());
                values[n] = encoders[n].decode(in);
                in.setDescending(false);
            } else if (header != (column.nullsFirst() ? NULL_FIRST : NULL_LAST)) {
                throw in.corrupt("bad header 0x" + Integer.toHexString(header) + " for column " + n);
            }
            n++;
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }

    /** Orders two keys: {@link Arrays#compareUnsigned(byte[], byte[])}. */
    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** {@link #compare(byte[], byte[])} of {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)}. */
    public static int compare(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
        return Arrays.compareUnsigned(a, aFrom, aTo, b, bFrom, bTo);
    }

    /**
     * The smallest byte string greater than every byte string that starts with {@code prefix}: drop trailing
     * {@code 0xFF} bytes and add one to the last remaining byte. {@code null} when there is none (the prefix is
     * empty or all {@code 0xFF}): the scan then runs to the end. A prefix scan covers
     * {@code [prefix, prefixUpperBound(prefix))}.
     */
    public static byte[] prefixUpperBound(byte[] prefix) {
        int n = prefix.length;
        while (n > 0 && prefix[n - 1] == (byte) 0xFF) {
            n--;
        }
        if (n == 0) {
            return null;
        }
        byte[] bound = Arrays.copyOf(prefix, n);
        bound[n - 1]++;
        return bound;
    }

    @Override
    public String toString() {
        return "KeyCodec" + columns;
    }
}
