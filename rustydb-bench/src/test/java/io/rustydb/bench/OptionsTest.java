package io.rustydb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.workload.Workload;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void quickDefaults() {
        Options o = Options.parse("--quick");
        assertEquals(20_000, o.settings().rows());
        assertEquals(1, o.warmupRounds());
        assertEquals(3, o.measuredRounds());
        assertEquals(6, o.selectedEngines().size());
        assertEquals(Path.of("target", "bench-results"), o.out);
    }

    @Test
    void fullDefaults() {
        Options o = Options.parse();
        assertEquals(1_000_000, o.settings().rows());
        assertEquals(5, o.measuredRounds());
    }

    @Test
    void selectionKeepsReportOrderForEnginesAndGivenOrderForWorkloads() {
        Options o = Options.parse("--engines=h2,rustydb", "--workloads=scan-aggregate,bulk-load", "--rows=1_000");
        assertEquals("rustydb,h2", String.join(",", o.selectedEngines().stream().map(Engine::id).toList()));
        assertEquals("scan-aggregate,bulk-load",
                String.join(",", o.selectedWorkloads().stream().map(Workload::id).toList()));
        assertEquals(1000, o.settings().rows());
    }

    @Test
    void durableCommitThreadsAndRecoveryVolumesByMode() {
        assertEquals(java.util.List.of("durable-commits-1t", "durable-commits-4t", "durable-commits-16t"),
                Options.parse("--quick", "--workloads=durable-commits").selectedWorkloads().stream()
                        .map(Workload::id).toList());
        assertEquals(java.util.List.of("durable-commits-1t", "durable-commits-2t", "durable-commits-4t",
                "durable-commits-8t", "durable-commits-16t", "durable-commits-64t"),
                Options.parse("--workloads=durable-commits").selectedWorkloads().stream().map(Workload::id).toList());
        assertEquals(java.util.List.of("recovery-8mb", "recovery-32mb", "recovery-64mb"),
                Options.parse("--workloads=recovery").selectedWorkloads().stream().map(Workload::id).toList());
        assertEquals(java.util.List.of("durable-commits-2t", "recovery-5mb"),
                Options.parse("--threads=2", "--log-mb=5", "--workloads=durable-commits,recovery-5mb")
                        .selectedWorkloads().stream().map(Workload::id).toList());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--threads=0"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--log-mb=x"));
    }

    @Test
    void readWriteMixLevelsAndThreadsByMode() {
        assertEquals(java.util.List.of("rw-mix-read-committed-1t", "rw-mix-read-committed-4t",
                "rw-mix-serializable-1t", "rw-mix-serializable-4t"),
                Options.parse("--quick", "--workloads=rw-mix").selectedWorkloads().stream().map(Workload::id)
                        .toList());
        assertEquals(10, Options.parse("--workloads=rw-mix").selectedWorkloads().size());
        Options o = Options.parse("--mix-threads=2,16", "--accounts=50", "--workloads=rw-mix-serializable");
        assertEquals(java.util.List.of("rw-mix-serializable-2t", "rw-mix-serializable-16t"),
                o.selectedWorkloads().stream().map(Workload::id).toList());
        assertEquals(50, o.settings().accounts());
        assertEquals(1000, Options.parse().settings().accounts());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--accounts=0"));
    }

    @Test
    void keyReadsAtOneAndFourThreadsInBothModes() {
        java.util.List<String> expected = java.util.List.of("point-select-1t", "point-select-4t", "range-scan-1t",
                "range-scan-4t");
        assertEquals(expected, Options.parse("--quick", "--workloads=point-select,range-scan").selectedWorkloads()
                .stream().map(Workload::id).toList());
        assertEquals(expected, Options.parse("--workloads=point-select,range-scan").selectedWorkloads().stream()
                .map(Workload::id).toList());
        assertEquals(java.util.List.of("range-scan-2t"), Options.parse("--lookup-threads=2",
                "--workloads=range-scan").selectedWorkloads().stream().map(Workload::id).toList());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--lookup-threads=0"));
    }

    @Test
    void rejectsUnknownNames() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--bogus"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--engines=oracle").selectedEngines());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--workloads=tpcc").selectedWorkloads());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--rows=-1"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--rows=x"));
    }

    @Test
    void tpchSelectionAndScaleFactors() {
        Options quick = Options.parse("--quick");
        assertTrue(quick.tpchSelected());
        assertEquals(java.util.List.of(0.01), quick.tpchScaleFactors());
        assertEquals(0, quick.tpchWarmup());
        assertEquals(1, quick.tpchRounds());
        Options full = Options.parse();
        assertEquals(java.util.List.of(0.1), full.tpchScaleFactors());
        assertEquals(60, full.tpchTimeoutSeconds());
        Options only = Options.parse("--workloads=tpch", "--tpch-sf=0.1,1", "--tpch-rounds=5", "--tpch-timeout=90");
        assertTrue(only.tpchSelected());
        assertTrue(only.selectedWorkloads().isEmpty());
        assertEquals(java.util.List.of(0.1, 1.0), only.tpchScaleFactors());
        assertEquals(5, only.tpchRounds());
        assertEquals(90, only.tpchTimeoutSeconds());
        assertTrue(!Options.parse("--workloads=bulk-load").tpchSelected());
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--tpch-sf=0"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--tpch-sf=x"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--tpch-rounds=0"));
    }

    @Test
    void usageListsEveryWorkloadAndEngine() {
        String usage = Options.usage();
        assertTrue(usage.contains("durable-commits-4t"), usage);
        assertTrue(usage.contains("duckdb"), usage);
        assertTrue(usage.contains("--tpch-sf"), usage);
    }
}
