package io.rustydb.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A binary large object held in memory: what {@link java.sql.Connection#createBlob()} hands out (to fill and then
 * bind with {@code setBlob}) and what {@link java.sql.ResultSet#getBlob} returns (a copy of the column's value, so
 * changing it changes nothing in the database). Positions are 1-based as JDBC says; after {@link #free()} every
 * method but {@code free} throws.
 */
final class RustyBlob implements Blob {
    private byte[] bytes;
    private int length;
    private boolean freed;

    RustyBlob(byte[] initial) {
        this.bytes = initial.clone();
        this.length = initial.length;
    }

    private void checkValid() throws SQLException {
        if (freed) {
            throw new SQLException("the Blob was freed", "0F001");
        }
    }

    /** The 0-based offset of 1-based {@code pos}, which may be at most {@code limit + 1}. */
    private static int offset(long pos, long limit) throws SQLException {
        if (pos < 1 || pos > limit + 1) {
            throw new SQLException("position " + pos + " is outside 1.." + (limit + 1), "22023");
        }
        return (int) (pos - 1);
    }

    @Override
    public long length() throws SQLException {
        checkValid();
        return length;
    }

    @Override
    public byte[] getBytes(long pos, int count) throws SQLException {
        checkValid();
        int from = offset(pos, length);
        if (count < 0) {
            throw new SQLException("length must not be negative", "22023");
        }
        return Arrays.copyOfRange(bytes, from, from + Math.min(count, length - from));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        checkValid();
        return new ByteArrayInputStream(bytes, 0, length);
    }

    @Override
    public InputStream getBinaryStream(long pos, long count) throws SQLException {
        checkValid();
        int from = offset(pos, length);
        if (count < 0 || from + count > length) {
            throw new SQLException("range " + pos + "+" + count + " is outside the Blob's " + length + " bytes",
                    "22023");
        }
        return new ByteArrayInputStream(bytes, from, (int) count);
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
        checkValid();
        int from = offset(start, length);
        outer:
        for (int i = from; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i + 1L;
        }
        return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
        return position(pattern.getBytes(1, (int) pattern.length()), start);
    }

    @Override
    public int setBytes(long pos, byte[] source) throws SQLException {
        return setBytes(pos, source, 0, source.length);
    }

    @Override
    public int setBytes(long pos, byte[] source, int offset, int len) throws SQLException {
        checkValid();
        int at = offset(pos, length);
        if (offset < 0 || len < 0 || offset + len > source.length) {
            throw new SQLException("offset/length outside the source array", "22023");
        }
        ensureCapacity((long) at + len);
        System.arraycopy(source, offset, bytes, at, len);
        length = Math.max(length, at + len);
        return len;
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
        checkValid();
        int[] at = {offset(pos, length)};
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                try {
                    setBytes(at[0] + 1L, b, off, len);
                    at[0] += len;
                } catch (SQLException e) {
                    throw new java.io.IOException(e);
                }
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        checkValid();
        if (len < 0 || len > length) {
            throw new SQLException("cannot truncate a Blob of " + length + " bytes to " + len, "22023");
        }
        length = (int) len;
    }

    @Override
    public void free() {
        freed = true;
        bytes = new byte[0];
        length = 0;
    }

    private void ensureCapacity(long needed) throws SQLException {
        if (needed > Integer.MAX_VALUE - 8) {
            throw new SQLException("a Blob holds at most 2 GiB", "54000");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, bytes.length * 2L)));
        }
    }
}
