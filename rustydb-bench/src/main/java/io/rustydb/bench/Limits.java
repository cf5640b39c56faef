package io.rustydb.bench;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.engine.Mode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Physical limits of this machine, measured by the same JVM as the workloads, so each workload's figures can be
 * read against a ceiling: the disk's fsync rate bounds durable commits of one writer without group commit,
 * sequential memory bandwidth bounds a scan, and an empty JDBC round trip bounds point queries.
 */
final class Limits {
    private Limits() {
    }

    /**
     * 4 KiB written then {@code FileChannel.force(false)} (fdatasync) in a loop, on the temp directory's disk, two
     * ways: appending (the file grows, so the file system journals its size too) and overwriting blocks of a
     * preallocated 1 MiB file in turn (what a log with preallocated segments pays).
     */
    static Map<String, Object> fsync(Path dir, long timeMs) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("directory", dir.toString());
        r.put("append", fsyncLoop(dir, timeMs, false));
        r.put("overwrite", fsyncLoop(dir, timeMs, true));
        return r;
    }

    private static Map<String, Object> fsyncLoop(Path dir, long timeMs, boolean overwrite) throws IOException {
        Path file = Files.createTempFile(dir, "fsync", ".bin");
        long ops = 0;
        long elapsed;
        int blocks = 256;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer page = ByteBuffer.allocateDirect(4096);
            if (overwrite) {
                for (int i = 0; i < blocks; i++) {
                    page.clear();
                    ch.write(page, i * 4096L);
                }
                ch.force(true);
            }
            long budget = timeMs * 1_000_000L;
            long start = System.nanoTime();
            do {
                page.clear();
                page.putLong(0, ops);
                long pos = overwrite ? (ops % blocks) * 4096L : ops * 4096L;
                while (page.hasRemaining()) {
                    pos += ch.write(page, pos);
                }
                ch.force(false);
                ops++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < budget);
        } finally {
            Files.deleteIfExists(file);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("fsyncs/s", ops * 1e9 / elapsed);
        r.put("mean latency (us)", elapsed / 1e3 / ops);
        return r;
    }

    /** Sum over a long[] of {@code mib} MiB, best of several passes. */
    static Map<String, Object> memoryBandwidth(int mib, int passes) {
        long[] a = new long[mib * (1024 * 1024 / 8)];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int p = 0; p < passes; p++) {
            long start = System.nanoTime();
            long sum = 0;
            for (long x : a) {
                sum += x;
            }
            best = Math.min(best, System.nanoTime() - start);
            sink += sum;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("array (MiB)", mib);
        r.put("passes", passes);
        r.put("GB/s", (double) a.length * 8 / best);
        r.put("checksum", sink); // keeps the loop alive
        return r;
    }

    /** An empty prepared query ({@code SELECT 1} or the dialect's equivalent) per engine, in-memory; ns per trip. */
    static Map<String, Object> roundTrips(List<Engine> engines, long timeMs, Path dir) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (Engine e : engines) {
            try (Database db = Database.open(e, Mode.MEMORY, "ping", dir);
                    PreparedStatement ps = db.connection().prepareStatement(e.pingSql())) {
                // Brief warm-up, then the time box.
                loop(ps, Math.max(1, timeMs / 2));
                long[] m = loop(ps, timeMs);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("sql", e.pingSql());
                one.put("ns/trip", m[1] / (double) m[0]);
                r.put(e.id(), one);
            } catch (Exception ex) {
                r.put(e.id(), Map.of("n/a", Compare.shorten(ex)));
            }
        }
        return r;
    }

    private static long[] loop(PreparedStatement ps, long timeMs) throws Exception {
        long budget = timeMs * 1_000_000L;
        long start = System.nanoTime();
        long ops = 0;
        long elapsed;
        do {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            ops++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {ops, elapsed};
    }
}
