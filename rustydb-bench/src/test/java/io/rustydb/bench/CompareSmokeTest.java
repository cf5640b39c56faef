package io.rustydb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every workload end to end on RustyDB and H2 with tiny sizes: checks the harness, never timings. Engines
 * with native libraries (SQLite, DuckDB) are left to the real runs to keep the build fast.
 */
class CompareSmokeTest {
    @Test
    void runsAllWorkloadsAndWritesReports(@TempDir Path out) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Options options = Options.parse("--engines=rustydb,h2", "--rows=2500", "--time-ms=20", "--warmup=0",
                "--rounds=2", "--mem-mib=8", "--threads=1,4", "--log-mb=1", "--mix-threads=1,4", "--no-progress", "--out=" + out,
                "--tpch-sf=0.01", "--tpch-warmup=0", "--tpch-rounds=1", "--tpch-timeout=3");
        Report report = new Compare(options, new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err).run();

        for (String w : new String[] {"bulk-load", "scan-aggregate", "filtered-count", "durable-commits-1t",
            "durable-commits-4t", "rw-mix-read-committed-1t", "rw-mix-read-committed-4t"}) {
            assertEquals(Outcome.Status.OK, report.outcomes(w).get("h2").status(), w);
            assertEquals(Outcome.Status.OK, report.outcomes(w).get("rustydb").status(),
                    w + ": " + report.outcomes(w).get("rustydb").reason());
        }
        // The primary-key reads: measured for H2 at 1 and 4 threads (the answers are checked on every read).
        for (String w : new String[] {"point-select-1t", "point-select-4t", "range-scan-1t", "range-scan-4t"}) {
            assertEquals(Outcome.Status.OK, report.outcomes(w).get("h2").status(),
                    () -> w + ": " + report.outcomes(w).get("h2").reason());
        }
        // Recovery is RustyDB's alone: measured for it (the recovered row count is checked), n/a for peers.
        assertEquals(Outcome.Status.OK, report.outcomes("recovery-1mb").get("rustydb").status(),
                () -> report.outcomes("recovery-1mb").get("rustydb").reason());
        assertEquals(Outcome.Status.NOT_SUPPORTED, report.outcomes("recovery-1mb").get("h2").status());
        // Without primary keys RustyDB's key reads are reported as n/a, never a crash; with them they are measured.
        for (String w : new String[] {"point-select-1t", "point-select-4t", "range-scan-1t", "range-scan-4t"}) {
            Outcome o = report.outcomes(w).get("rustydb");
            assertTrue(o.status() == Outcome.Status.OK || o.status() == Outcome.Status.NOT_SUPPORTED, w + ": " + o);
        }
        Outcome pk = report.outcomes("point-select-1t").get("rustydb");

        // The read-write mix at SERIALIZABLE: measured for H2; for RustyDB measured, or n/a with the SQLSTATE
        // it refused the level with (0A000 until MVCC snapshots arrive), never a failure.
        assertEquals(Outcome.Status.OK, report.outcomes("rw-mix-serializable-4t").get("h2").status());
        Outcome ser = report.outcomes("rw-mix-serializable-1t").get("rustydb");
        assertTrue(ser.status() == Outcome.Status.OK || ser.status() == Outcome.Status.NOT_SUPPORTED
                && ser.reason().startsWith("0A000"), ser.toString());
        Outcome mix = report.outcomes("rw-mix-read-committed-4t").get("rustydb");
        assertEquals(mix.counts().get("attempts"), mix.counts().get("commits") + mix.counts().get("aborts"));

        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("## Read-write mix by isolation level and threads"), md);
        assertTrue(md.contains("| READ COMMITTED | 4 |"), md);
        if (ser.status() == Outcome.Status.NOT_SUPPORTED) {
            assertTrue(md.contains("| SERIALIZABLE | 1 | n/a (0A000) |"), md);
        }
        if (pk.status() == Outcome.Status.NOT_SUPPORTED) {
            assertTrue(md.contains("| point-select-1t (in-memory) | lookups/s ↑ | n/a (not supported yet) |"), md);
        }
        assertTrue(md.contains("## RustyDB ÷ best peer"), md);
        assertTrue(md.contains("fsync rate"), md);
        assertTrue(md.contains("## Durable commits against the disk's fsync rate"), md);
        assertTrue(md.contains("| 4 |"), md);
        assertTrue(md.contains("- H2 / recovery-1mb: n/a (not supported) — `0A000"), md);
        assertTrue(!md.contains("| recovery-1mb |"), md); // no ratio row for a RustyDB-only workload
        // TPC-H at SF 0.01: both engines loaded; every query measured or n/a with a reason (the time limit), and
        // where ../shared/tpch is present RustyDB's answers match the expected ones (H2 gives a wrong Q12: its
        // IN list over a CHAR column finds nothing).
        assertEquals(1, report.tpch().size());
        io.rustydb.bench.tpch.TpchResult tpch = report.tpch().get(0);
        if (tpch.skipped() == null) {
            assertTrue(tpch.load("rustydb").ok(), () -> tpch.load("rustydb").failure());
            assertTrue(tpch.load("h2").ok(), () -> tpch.load("h2").failure());
            assertEquals(86_805, tpch.load("rustydb").rows());
            for (int q = 1; q <= 22; q++) {
                for (String e : new String[] {"rustydb", "h2"}) {
                    io.rustydb.bench.tpch.TpchResult.Cell c = tpch.cell(q, e);
                    assertTrue(c.measured() || c.notRun() != null, e + " q" + q);
                }
                io.rustydb.bench.tpch.TpchResult.Cell mine = tpch.cell(q, "rustydb");
                assertEquals(null, mine.wrong(), "RustyDB q" + q);
            }
            assertTrue(md.contains("## TPC-H, scale factor 0.01 (in-memory)"), md);
            assertTrue(md.contains("| Q22 |"), md);
        }
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.contains("\"tpch\""), json);
        assertTrue(json.contains("\"ratioVsBestPeer\""), json);
        assertTrue(json.contains("\"counts\"") && json.contains("\"abortRate\""), json);
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("# RustyDB benchmark"));
    }
}
