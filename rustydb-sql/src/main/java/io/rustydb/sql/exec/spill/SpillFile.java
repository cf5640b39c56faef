package io.rustydb.sql.exec.spill;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Binary;
import io.rustydb.storage.io.IoFailures;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One temporary file of rows written by a spilling operator (a sorted run, a hash partition), then read back
 * from the start any number of times, and deleted by {@link #close()}. The only class that knows the format.
 *
 * <p>Layout (big-endian, as {@link DataOutputStream} writes; the bytes pass through {@link SpillIo}, which may
 * encrypt them):
 * <pre>
 *  0          4         5
 *  +----------+---------+----------+----------+-----
 *  | magic    | version | record 0 | record 1 | ...      to the end of the file
 *  | "RSPL"   | u8 = 1  |          |          |
 *  +----------+---------+----------+----------+-----
 *
 *  record:  | n: i32 (values in the row) | value 0 | ... | value n-1 |
 *  value:   | tag: u8 | payload            |
 *    tag  0 NULL              (none)
 *         1 FALSE, 2 TRUE     (none)
 *         3 Short  i16        4 Integer i32      5 Long i64
 *         6 Float  f32        7 Double  f64
 *         8 BigDecimal        scale i32, length i32, unscaled two's-complement big-endian bytes
 *         9 String            length i32, UTF-8 bytes
 *        10 Binary            length i32, bytes
 *        11 LocalDate         epoch day i64
 *        12 LocalTime         nano of day i64
 *        13 LocalDateTime     epoch second (as UTC) i64, nano i32
 *        14 OffsetDateTime    epoch second i64, nano i32, offset seconds i32
 *        15 UUID              most significant i64, least significant i64
 *        16 nested row        a record (as above) inside the value
 * </pre>
 * Values are tagged by their Java class rather than encoded by the column's declared type (as the heap's
 * {@code RowCodec} does) because rows in flight carry what expressions computed — an untyped NULL column, a
 * DECIMAL of any scale, a nested array of aggregate inputs — and must come back exactly as they went out.
 * Nothing is kept across a restart: files of a crashed process are deleted when the database opens
 * ({@link SpillSpace}).
 */
public final class SpillFile implements AutoCloseable {
    static final int MAGIC = 0x5253504C; // "RSPL"
    static final int VERSION = 1;
    private static final int BUFFER = 8192;

    private final Path path;
    private final SpillIo io;
    private final Runnable onClose;
    private CountingStream counter;
    private DataOutputStream out;
    private final List<Reader> readers = new ArrayList<>();
    private long rows;
    private boolean closed;

    SpillFile(Path path, SpillIo io, Runnable onClose) {
        this.path = path;
        this.io = io;
        this.onClose = onClose;
        try {
            counter = new CountingStream(io.create(path));
            out = new DataOutputStream(new BufferedOutputStream(counter, BUFFER));
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
        } catch (IOException e) {
            DbException failure = failure(e);
            close();
            throw failure;
        }
    }

    public Path path() {
        return path;
    }

    /** Rows written. */
    public long rows() {
        return rows;
    }

    /** Bytes written so far (those still buffered included once {@link #finish()} ran). */
    public long bytes() {
        return counter == null ? 0 : counter.count;
    }

    /** Appends one row. */
    public void write(Object[] row) {
        if (out == null) {
            throw DbException.internal("spill file " + path + " is no longer open for writing");
        }
        try {
            writeRow(out, row);
            rows++;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Ends writing: flushes and closes the output. Idempotent. */
    public void finish() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw failure(e);
        } finally {
            out = null;
        }
    }

    /** A reader from the first row (finishes writing first). Closed with the file if not before. */
    public Reader reader() {
        finish();
        try {
            Reader r = new Reader(new DataInputStream(new BufferedInputStream(io.open(path), BUFFER)));
            readers.add(r);
            return r;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Closes every stream and deletes the file. Idempotent; never throws for a file already gone. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (out != null) {
                out.close();
            } else if (counter != null) {
                counter.close();
            }
        } catch (IOException ignored) {
            // the file is deleted below: what was not written does not matter
        }
        out = null;
        for (Reader r : readers) {
            r.close();
        }
        readers.clear();
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // left for the clean-up when the database next opens
        }
        onClose.run();
    }

    private DbException failure(IOException e) {
        return IoFailures.of(e, "temporary file " + path);
    }

    /** Reads the rows of a spill file in the order they were written. */
    public final class Reader implements AutoCloseable {
        private final DataInputStream in;
        private boolean closed;

        private Reader(DataInputStream in) throws IOException {
            this.in = in;
            int magic = in.readInt();
            int version = in.readUnsignedByte();
            if (magic != MAGIC || version != VERSION) {
                throw new DbException(ErrorCode.DATA_CORRUPTED, "temporary file " + path
                        + " is not a spill file of this version");
            }
        }

        /** The next row, or null at the end of the file. */
        public Object[] next() {
            if (closed) {
                return null;
            }
            try {
                int first = in.read();
                if (first < 0) {
                    close();
                    return null;
                }
                int n = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8)
                        | in.readUnsignedByte();
                return readValues(in, n);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read-only stream: nothing lost
                }
            }
        }
    }

    private static void writeRow(DataOutputStream out, Object[] row) throws IOException {
        out.writeInt(row.length);
        for (Object v : row) {
            writeValue(out, v);
        }
    }

    private static void writeValue(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(0);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? 2 : 1);
        } else if (v instanceof Short s) {
            out.writeByte(3);
            out.writeShort(s);
        } else if (v instanceof Integer i) {
            out.writeByte(4);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(5);
            out.writeLong(l);
        } else if (v instanceof Float f) {
            out.writeByte(6);
            out.writeFloat(f);
        } else if (v instanceof Double d) {
            out.writeByte(7);
            out.writeDouble(d);
        } else if (v instanceof BigDecimal d) {
            out.writeByte(8);
            out.writeInt(d.scale());
            writeBytes(out, d.unscaledValue().toByteArray());
        } else if (v instanceof String s) {
            out.writeByte(9);
            writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof Binary b) {
            out.writeByte(10);
            writeBytes(out, b.toByteArray());
        } else if (v instanceof LocalDate d) {
            out.writeByte(11);
            out.writeLong(d.toEpochDay());
        } else if (v instanceof LocalTime t) {
            out.writeByte(12);
            out.writeLong(t.toNanoOfDay());
        } else if (v instanceof LocalDateTime t) {
            out.writeByte(13);
            out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(t.getNano());
        } else if (v instanceof OffsetDateTime t) {
            out.writeByte(14);
            out.writeLong(t.toEpochSecond());
            out.writeInt(t.getNano());
            out.writeInt(t.getOffset().getTotalSeconds());
        } else if (v instanceof UUID u) {
            out.writeByte(15);
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        } else if (v instanceof Object[] nested) {
            out.writeByte(16);
            writeRow(out, nested);
        } else {
            throw DbException.internal("cannot spill a value of " + v.getClass().getName());
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static Object[] readValues(DataInputStream in, int n) throws IOException {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
            row[i] = readValue(in);
        }
        return row;
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 0:
                return null;
            case 1:
                return Boolean.FALSE;
            case 2:
                return Boolean.TRUE;
            case 3:
                return in.readShort();
            case 4:
                return in.readInt();
            case 5:
                return in.readLong();
            case 6:
                return in.readFloat();
            case 7:
                return in.readDouble();
            case 8: {
                int scale = in.readInt();
                return new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case 9:
                return new String(readBytes(in), StandardCharsets.UTF_8);
            case 10:
                return Binary.of(readBytes(in));
            case 11:
                return LocalDate.ofEpochDay(in.readLong());
            case 12:
                return LocalTime.ofNanoOfDay(in.readLong());
            case 13: {
                long seconds = in.readLong();
                return LocalDateTime.ofEpochSecond(seconds, in.readInt(), ZoneOffset.UTC);
            }
            case 14: {
                long seconds = in.readLong();
                int nano = in.readInt();
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
                return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nano), offset);
            }
            case 15:
                return new UUID(in.readLong(), in.readLong());
            case 16:
                return readValues(in, in.readInt());
            default:
                throw new DbException(ErrorCode.DATA_CORRUPTED, "unknown value tag " + tag + " in a spill file");
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    /** Counts the bytes that reach the underlying stream. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
