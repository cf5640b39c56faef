package io.rustydb.storage.wal;

import io.rustydb.core.DbException;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.io.IoFailures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The write-ahead log of a file database: segment files {@code <16 hex digits>.wal} in a directory beside the
 * database file (for {@code /data/app} it is {@code /data/app.wal/}). Each starts with a {@link WalSegmentHeader}.
 * A new segment is created with its header forced, and the directory forced, before any record goes into it;
 * the previous segment is forced before the first write to a new one, so no segment holds records that depend
 * on lost records of an earlier one.
 */
public final class FileLogStore implements LogStore {
    /** The default segment size: 16 MiB. */
    public static final int DEFAULT_SEGMENT_SIZE = 16 << 20;

    private final Path directory;
    private final int segmentSize;
    private final ChannelOpener opener;
    private final TreeMap<Long, FileChannel> open = new TreeMap<>();
    private final TreeMap<Long, Boolean> unforced = new TreeMap<>();

    /** Opens (creating if needed) the log directory. */
    public FileLogStore(Path directory, int segmentSize, ChannelOpener opener) {
        if (segmentSize < 64 * 1024 || Integer.bitCount(segmentSize) != 1) {
            throw DbException.internal("WAL segment size must be a power of two >= 64 KiB: " + segmentSize);
        }
        this.directory = directory;
        this.segmentSize = segmentSize;
        this.opener = opener;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw IoFailures.of(e, directory.toString());
        }
    }

    /** The log directory of the database file {@code databaseFile}. */
    public static Path directoryFor(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".wal");
    }

    @Override
    public int segmentSize() {
        return segmentSize;
    }

    @Override
    public int firstOffset() {
        return WalSegmentHeader.SIZE;
    }

    @Override
    public boolean isVolatile() {
        return false;
    }

    private Path segmentPath(long segment) {
        return directory.resolve(String.format(Locale.ROOT, "%016x.wal", segment));
    }

    /** The numbers of the segment files present, ascending. */
    List<Long> segments() {
        List<Long> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.length() == 20 && name.endsWith(".wal")) {
                    try {
                        result.add(Long.parseUnsignedLong(name.substring(0, 16), 16));
                    } catch (NumberFormatException ignored) {
                        // not ours
                    }
                }
            });
        } catch (IOException e) {
            throw IoFailures.of(e, directory.toString());
        }
        result.sort(Long::compare);
        return result;
    }

    private FileChannel channel(long segment, boolean create) throws IOException {
        FileChannel ch = open.get(segment);
        if (ch != null) {
            return ch;
        }
        Path path = segmentPath(segment);
        if (!Files.exists(path)) {
            if (!create) {
                return null;
            }
            // Everything before this segment must be durable before it can hold records.
            forceAll();
            ch = opener.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
            writeFully(ch, ByteBuffer.wrap(WalSegmentHeader.encode(segmentSize, segment)), 0);
            ch.force(true);
            forceDirectory();
        } else {
            ch = opener.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        open.put(segment, ch);
        while (open.size() > 4) {
            long oldest = open.firstKey();
            if (unforced.containsKey(oldest)) {
                open.get(oldest).force(false);
                unforced.remove(oldest);
            }
            open.remove(oldest).close();
        }
        return ch;
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open or force directories; the segment file itself was forced.
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer src, long position) throws IOException {
        while (src.hasRemaining()) {
            position += ch.write(src, position);
        }
    }

    @Override
    public void write(long lsn, byte[] src, int offset, int length) {
        long segment = lsn / segmentSize;
        long position = lsn % segmentSize;
        if (position < firstOffset() || position + length > segmentSize) {
            throw DbException.internal("WAL write of " + length + " bytes at " + lsn + " crosses a segment boundary");
        }
        try {
            writeFully(channel(segment, true), ByteBuffer.wrap(src, offset, length), position);
            unforced.put(segment, Boolean.TRUE);
        } catch (IOException e) {
            throw IoFailures.of(e, segmentPath(segment).toString());
        }
    }

    @Override
    public void force() {
        try {
            forceAll();
        } catch (IOException e) {
            throw IoFailures.of(e, directory.toString());
        }
    }

    private void forceAll() throws IOException {
        for (Long segment : new ArrayList<>(unforced.keySet())) {
            FileChannel ch = open.get(segment);
            if (ch != null) {
                ch.force(false);
            }
            unforced.remove(segment);
        }
    }

    @Override
    public LogRecord read(long lsn) {
        long segment = lsn / segmentSize;
        long position = lsn % segmentSize;
        try {
            FileChannel ch = channel(segment, false);
            if (ch == null || position < firstOffset()) {
                return null;
            }
            if (!headerValid(ch, segment)) {
                return null;
            }
            ByteBuffer head = ByteBuffer.allocate(WalRecordLayout.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            if (readFully(ch, head, position) < WalRecordLayout.HEADER_SIZE) {
                return null;
            }
            int length = head.getInt(WalRecordLayout.LENGTH_OFFSET);
            if (length < WalRecordLayout.HEADER_SIZE || position + length > segmentSize) {
                return null;
            }
            ByteBuffer whole = ByteBuffer.allocate(length);
            int got = readFully(ch, whole, position);
            return WalRecordLayout.decode(whole.array(), 0, got, lsn);
        } catch (IOException e) {
            throw IoFailures.of(e, segmentPath(segment).toString());
        }
    }

    private boolean headerValid(FileChannel ch, long segment) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(WalSegmentHeader.SIZE);
        if (readFully(ch, header, 0) < WalSegmentHeader.SIZE) {
            return false;
        }
        String problem = WalSegmentHeader.check(header.array(), segmentSize, segment);
        if (problem == null) {
            return true;
        }
        if (segment == lastSegment()) {
            return false; // a segment torn while being created: the end of the log
        }
        throw DbException.corruption(segmentPath(segment).toString(), -1, problem);
    }

    private long lastSegment() {
        List<Long> all = segments();
        return all.isEmpty() ? -1 : all.get(all.size() - 1);
    }

    private static int readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public long firstLsn() {
        List<Long> all = segments();
        long first = all.isEmpty() ? 0 : all.get(0);
        return first * segmentSize + firstOffset();
    }

    @Override
    public void truncateFrom(long lsn) {
        long segment = lsn / segmentSize;
        long position = Math.max(lsn % segmentSize, firstOffset());
        try {
            for (long s : segments()) {
                if (s > segment) {
                    FileChannel ch = open.remove(s);
                    if (ch != null) {
                        ch.close();
                    }
                    unforced.remove(s);
                    Files.deleteIfExists(segmentPath(s));
                }
            }
            FileChannel ch = channel(segment, false);
            if (ch != null) {
                if (ch.size() > position) {
                    ch.truncate(position);
                }
                ch.force(true);
            }
            forceDirectory();
        } catch (IOException e) {
            throw IoFailures.of(e, directory.toString());
        }
    }

    @Override
    public void deleteBefore(long lsn) {
        try {
            for (long s : segments()) {
                if ((s + 1) * segmentSize <= lsn) {
                    FileChannel ch = open.remove(s);
                    if (ch != null) {
                        ch.close();
                    }
                    unforced.remove(s);
                    Files.deleteIfExists(segmentPath(s));
                }
            }
        } catch (IOException e) {
            throw IoFailures.of(e, directory.toString());
        }
    }

    @Override
    public void close() {
        IOException failure = null;
        try {
            forceAll();
        } catch (IOException e) {
            failure = e;
        }
        for (FileChannel ch : open.values()) {
            try {
                ch.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        open.clear();
        unforced.clear();
        if (failure != null) {
            throw IoFailures.of(failure, directory.toString());
        }
    }
}
