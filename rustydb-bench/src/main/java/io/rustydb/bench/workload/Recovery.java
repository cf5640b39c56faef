package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.engine.Loader;
import io.rustydb.bench.engine.Mode;
import io.rustydb.bench.engine.Rows;
import io.rustydb.storage.file.FileHeader;
import io.rustydb.storage.wal.FileLogStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Crash-recovery time against log volume, RustyDB only (issue 4: "recovery time is bounded by the checkpoint
 * interval — measure it"). Each round, on a fresh file database:
 * <ol>
 *   <li>create a table and note the checkpoint LSN in the file header (the database took a checkpoint when it was
 *       created);</li>
 *   <li>insert rows in committed transactions of {@link Loader#CHUNK} rows (sync mode FULL: each commit forces the
 *       log) until the log directory has grown by {@code megabytes} MB, with no checkpoint in between (checked:
 *       the checkpoint LSN in the copy's header must be unchanged);</li>
 *   <li>"crash": after the last {@code commit()} returned, with no transaction running, copy the data file and
 *       then the {@code <file>.wal} directory, while the database is still open. The copy is what a kill -9 at
 *       that moment leaves: the log is durable up to the last commit, the data file holds whatever pages the
 *       background writer happened to write (it may be older than the log — the crash situation). The data file
 *       is copied first, so the log copy is at least as new as every page in the data copy, as write-ahead
 *       logging guarantees on disk. A page the background writer writes during the copy may be torn in the copy;
 *       a power cut can tear a page the same way, and the full page image logged at its first change after the
 *       checkpoint repairs it;</li>
 *   <li>close the original, then time opening the copy (the first {@code getConnection}), which runs recovery:
 *       analysis, redo, undo, and the checkpoint recovery ends with. The row count of the recovered table is
 *       checked against the committed rows.</li>
 * </ol>
 * The figure is the open time of the crashed copy in ms; the note gives the log replayed and, as a baseline, the
 * open time of the same database after a clean close.
 */
final class Recovery implements Workload {
    private static final String PREFIX = "jdbc:rustydb:file:";
    private final int megabytes;

    Recovery(int megabytes) {
        this.megabytes = megabytes;
    }

    @Override
    public String id() {
        return "recovery-" + megabytes + "mb";
    }

    @Override
    public String description() {
        return "RustyDB only: write " + megabytes + " MB of log in committed single-table INSERT transactions of "
                + Loader.CHUNK + " rows with no checkpoint in between, copy the open database (data file, then"
                + " `<file>.wal`) as a crash image, then time opening the copy (= crash recovery)";
    }

    @Override
    public Mode mode() {
        return Mode.DURABLE;
    }

    @Override
    public String unit() {
        return "ms to open after crash";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("log volume (MB)", megabytes);
        p.put("rows per transaction", Loader.CHUNK);
        p.put("sync mode", "FULL (default)");
        return p;
    }

    @Override
    public Trial prepare(Database db) throws Exception {
        if (!db.engine().isSubject()) {
            throw new SQLFeatureNotSupportedException("crash recovery is measured for RustyDB only: it copies the"
                    + " database's data file and log while the database is open", "0A000");
        }
        Engine engine = db.engine();
        Path base = Files.createDirectories(db.directory().resolve("recovery-rounds"));
        List<Double> replayedMb = new ArrayList<>();
        List<Double> cleanOpenMs = new ArrayList<>();
        List<Double> writeMbPerS = new ArrayList<>();
        return new Trial() {
            private int round;

            @Override
            public double run() throws Exception {
                Path dir = Files.createDirectories(base.resolve("round-" + round++));
                try {
                    Round r = crashAndRecover(engine, dir, megabytes * 1_000_000L);
                    replayedMb.add(r.replayedBytes / 1e6);
                    cleanOpenMs.add(r.cleanOpenNanos / 1e6);
                    writeMbPerS.add(r.writtenBytes / 1e6 / (r.writeNanos / 1e9));
                    return r.recoveryNanos / 1e6;
                } finally {
                    deleteTree(dir);
                }
            }

            @Override
            public String note() {
                return String.format(Locale.ROOT, "over all %d rounds (warm-up included): log to replay %s MB;"
                        + " open after a clean close (nothing to replay) %s ms; log written at %s MB/s",
                        replayedMb.size(), range(replayedMb, "%.1f"), range(cleanOpenMs, "%.1f"),
                        range(writeMbPerS, "%.0f"));
            }
        };
    }

    /** What one round measured. */
    record Round(long writtenBytes, long writeNanos, long replayedBytes, long recoveryNanos, long cleanOpenNanos) {
    }

    /** One round in {@code dir}: write, copy while open, close, time the open of the copy. */
    static Round crashAndRecover(Engine engine, Path dir, long logBytes) throws Exception {
        Path file = dir.resolve("db");
        Path copy = dir.resolve("crashed");
        String url = PREFIX + file;
        long rows = 0;
        long written;
        long writeNanos;
        long checkpointBefore;
        Connection c = engine.connect(url, Mode.DURABLE);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE r (" + Rows.COLUMNS + ")");
            }
            checkpointBefore = checkpointLsn(file);
            long logStart = logSize(walDir(file));
            long t0 = System.nanoTime();
            do {
                Loader.load(engine, c, "r", rows, Loader.CHUNK); // one committed transaction (or statement)
                rows += Loader.CHUNK;
                written = logSize(walDir(file)) - logStart;
            } while (written < logBytes);
            writeNanos = System.nanoTime() - t0;
            // The crash image: the last commit returned and no transaction runs. Data file first, then the log.
            Files.copy(file, copy);
            Path walCopy = Files.createDirectories(walDir(copy));
            for (Path segment : segments(walDir(file))) {
                Files.copy(segment, walCopy.resolve(segment.getFileName()));
            }
        } finally {
            c.close(); // the original closes cleanly (a checkpoint): not timed, it is not the copy
        }
        long checkpointAfter = checkpointLsn(copy);
        if (checkpointAfter != checkpointBefore) {
            throw new IllegalStateException("a checkpoint ran during the writes (checkpoint LSN " + checkpointBefore
                    + " -> " + checkpointAfter + "), so recovery would not replay the whole volume; use a log"
                    + " volume below the checkpointer's 64 MiB trigger, written in under 60 s");
        }
        long replayed = logEnd(walDir(copy)) - checkpointAfter;
        String copyUrl = PREFIX + copy;
        long t0 = System.nanoTime();
        Connection recovered = engine.connect(copyUrl, Mode.DURABLE);
        long recoveryNanos = System.nanoTime() - t0;
        try {
            checkCount(recovered, rows);
        } finally {
            recovered.close();
        }
        long t1 = System.nanoTime();
        Connection clean = engine.connect(copyUrl, Mode.DURABLE);
        long cleanNanos = System.nanoTime() - t1;
        try {
            checkCount(clean, rows);
        } finally {
            clean.close();
        }
        return new Round(written, writeNanos, replayed, recoveryNanos, cleanNanos);
    }

    private static void checkCount(Connection c, long expected) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM r")) {
            rs.next();
            long n = rs.getLong(1);
            if (n != expected) {
                throw new IllegalStateException("after recovery the table has " + n + " rows, " + expected
                        + " were committed");
            }
        }
    }

    static Path walDir(Path databaseFile) {
        return FileLogStore.directoryFor(databaseFile);
    }

    /** The log segment files, ascending (their names are 16 hex digits, so name order is number order). */
    static List<Path> segments(Path walDir) throws IOException {
        try (Stream<Path> files = Files.list(walDir)) {
            return files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{16}\\.wal"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /** Total bytes of the log segment files (segments grow as they are written; they are not preallocated). */
    static long logSize(Path walDir) throws IOException {
        long total = 0;
        for (Path p : segments(walDir)) {
            total += Files.size(p);
        }
        return total;
    }

    /** The log's end as an LSN: the last segment's number × segment size + its length. */
    static long logEnd(Path walDir) throws IOException {
        List<Path> s = segments(walDir);
        Path last = s.get(s.size() - 1);
        long number = Long.parseUnsignedLong(last.getFileName().toString().substring(0, 16), 16);
        return number * FileLogStore.DEFAULT_SEGMENT_SIZE + Files.size(last);
    }

    /** The checkpoint LSN recorded in a database file's header (page 0). */
    static long checkpointLsn(Path databaseFile) throws IOException {
        try (FileChannel ch = FileChannel.open(databaseFile, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (ch.read(b, FileHeader.CHECKPOINT_LSN_OFFSET + b.position()) < 0) {
                    throw new IOException("short database file " + databaseFile);
                }
            }
            return b.getLong(0);
        }
    }

    private static String range(List<Double> values, String format) {
        if (values.isEmpty()) {
            return "–";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        String a = String.format(Locale.ROOT, format, min);
        String b = String.format(Locale.ROOT, format, max);
        return a.equals(b) ? a : a + "–" + b;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover in the temp dir is harmless
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
