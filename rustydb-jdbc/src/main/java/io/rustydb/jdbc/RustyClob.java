package io.rustydb.jdbc;

import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * A character large object held in memory: what {@link java.sql.Connection#createClob()} and {@code createNClob()}
 * hand out and what {@link java.sql.ResultSet#getClob} returns (a copy of the column's value). Positions are
 * 1-based, in UTF-16 chars as JDBC says; after {@link #free()} every method but {@code free} throws.
 */
final class RustyClob implements NClob {
    private StringBuilder text;
    private boolean freed;

    RustyClob(String initial) {
        this.text = new StringBuilder(initial);
    }

    private void checkValid() throws SQLException {
        if (freed) {
            throw new SQLException("the Clob was freed", "0F001");
        }
    }

    private int offset(long pos) throws SQLException {
        if (pos < 1 || pos > text.length() + 1L) {
            throw new SQLException("position " + pos + " is outside 1.." + (text.length() + 1), "22023");
        }
        return (int) (pos - 1);
    }

    @Override
    public long length() throws SQLException {
        checkValid();
        return text.length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
        checkValid();
        int from = offset(pos);
        if (length < 0) {
            throw new SQLException("length must not be negative", "22023");
        }
        return text.substring(from, from + Math.min(length, text.length() - from));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        checkValid();
        return new StringReader(text.toString());
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
        checkValid();
        int from = offset(pos);
        if (length < 0 || from + length > text.length()) {
            throw new SQLException("range " + pos + "+" + length + " is outside the Clob's " + text.length()
                    + " characters", "22023");
        }
        return new StringReader(text.substring(from, (int) (from + length)));
    }

    @Override
    public java.io.InputStream getAsciiStream() throws SQLException {
        checkValid();
        return new java.io.ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String pattern, long start) throws SQLException {
        checkValid();
        int found = text.indexOf(pattern, offset(start));
        return found < 0 ? -1 : found + 1L;
    }

    @Override
    public long position(Clob pattern, long start) throws SQLException {
        return position(pattern.getSubString(1, (int) pattern.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        return setString(pos, str, 0, str.length());
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        checkValid();
        int at = offset(pos);
        if (offset < 0 || len < 0 || offset + len > str.length()) {
            throw new SQLException("offset/length outside the source string", "22023");
        }
        int end = Math.min(text.length(), at + len);
        text.replace(at, end, str.substring(offset, offset + len));
        return len;
    }

    @Override
    public java.io.OutputStream setAsciiStream(long pos) throws SQLException {
        checkValid();
        int[] at = {offset(pos)};
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                try {
                    setString(at[0] + 1L, String.valueOf((char) (b & 0x7f)));
                    at[0]++;
                } catch (SQLException e) {
                    throw new java.io.IOException(e);
                }
            }
        };
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        checkValid();
        int[] at = {offset(pos)};
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws java.io.IOException {
                try {
                    setString(at[0] + 1L, new String(cbuf, off, len));
                    at[0] += len;
                } catch (SQLException e) {
                    throw new java.io.IOException(e);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        checkValid();
        if (len < 0 || len > text.length()) {
            throw new SQLException("cannot truncate a Clob of " + text.length() + " characters to " + len, "22023");
        }
        text.setLength((int) len);
    }

    @Override
    public void free() {
        freed = true;
        text = new StringBuilder();
    }
}
