package io.rustydb.bench;

import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.workload.Settings;
import io.rustydb.bench.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@link Compare}. */
final class Options {
    /** The workload id that selects TPC-H (not a {@link Workload}: it has 22 queries and a load per engine). */
    static final String TPCH = "tpch";

    static final String USAGE = """
            usage: java -jar rustydb-bench.jar [options]
              --quick              small sizes for a smoke run (< 2 minutes); default is the full run
              --workloads=a,b      workloads to run (default all); a prefix selects a family
                                   (point-select, range-scan, durable-commits, recovery, rw-mix,
                                   rw-mix-serializable, ...): %s
              --engines=a,b        engines to run (default all): %s
              --out=DIR            where results.md and results.json go (default target/bench-results)
              --no-limits          skip the physical-limit measurements
              --progress / --no-progress
                                   force the stderr progress bar on or off (default: on when there is a console)
            tuning (override the mode's defaults):
              --rows=N             rows loaded (quick 20000, full 1000000)
              --time-ms=N          time box of one round for repeated operations (quick 300, full 2000)
              --warmup=N           warm-up rounds, not reported (quick 1, full 2)
              --rounds=N           measured rounds (quick 3, full 5)
              --mem-mib=N          array size for the memory-bandwidth limit (quick 256, full 1024)
              --threads=a,b        thread counts of durable-commits (quick 1,4,16; full 1,2,4,8,16,64)
              --log-mb=a,b         log volumes of recovery, MB (default 8,32,64; below the 64 MiB checkpoint trigger)
              --mix-threads=a,b    thread counts of rw-mix, the read-write mix (quick 1,4; full 1,2,4,8,16)
              --accounts=N         rows of rw-mix's accounts table (default 1000)
              --lookup-threads=a,b thread counts of point-select and range-scan (default 1,4)
            TPC-H (workload tpch; part of the default set):
              --tpch-sf=a,b        scale factors (quick 0.01, full 0.1; SF 1 is opt-in: --tpch-sf=0.1,1)
              --tpch-warmup=N      warm-up runs per query (quick 0, full 1)
              --tpch-rounds=N      measured runs per query, median reported (quick 1, full 3)
              --tpch-timeout=S     seconds before a query is cancelled and shown as n/a (quick 5, full 60)
              --tpch-dir=PATH      the shared/tpch folder (default: found walking up from the working directory)
            """;

    boolean quick;
    List<String> workloads = new ArrayList<>();
    List<String> engines = new ArrayList<>();
    Path out = Path.of("target", "bench-results");
    boolean limits = true;
    Boolean progress;
    Long rows;
    Long timeMs;
    Integer warmup;
    Integer rounds;
    Integer memMib;
    List<Integer> threads;
    List<Integer> logMb;
    List<Integer> mixThreads;
    Integer accounts;
    List<Integer> lookupThreads;
    List<Double> tpchScaleFactors;
    Integer tpchWarmup;
    Integer tpchRounds;
    Integer tpchTimeout;
    Path tpchDir;
    boolean help;

    static Options parse(String... args) {
        Options o = new Options();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--quick" -> o.quick = true;
                case "--full" -> o.quick = false;
                case "--workloads" -> o.workloads = list(value, name);
                case "--engines" -> o.engines = list(value, name);
                case "--out" -> o.out = Path.of(required(value, name));
                case "--no-limits" -> o.limits = false;
                case "--progress" -> o.progress = true;
                case "--no-progress" -> o.progress = false;
                case "--rows" -> o.rows = positive(value, name);
                case "--time-ms" -> o.timeMs = positive(value, name);
                case "--warmup" -> o.warmup = (int) nonNegative(value, name);
                case "--rounds" -> o.rounds = (int) positive(value, name);
                case "--mem-mib" -> o.memMib = (int) positive(value, name);
                case "--threads" -> o.threads = numbers(value, name);
                case "--log-mb" -> o.logMb = numbers(value, name);
                case "--mix-threads" -> o.mixThreads = numbers(value, name);
                case "--accounts" -> o.accounts = (int) positive(value, name);
                case "--lookup-threads" -> o.lookupThreads = numbers(value, name);
                case "--tpch-sf" -> o.tpchScaleFactors = scaleFactors(value, name);
                case "--tpch-warmup" -> o.tpchWarmup = (int) nonNegative(value, name);
                case "--tpch-rounds" -> o.tpchRounds = (int) positive(value, name);
                case "--tpch-timeout" -> o.tpchTimeout = (int) positive(value, name);
                case "--tpch-dir" -> o.tpchDir = Path.of(required(value, name));
                case "--help", "-h" -> o.help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return o;
    }

    static String usage() {
        List<String> w = Workload.all(new Settings(1, 1)).stream().map(Workload::id).toList();
        List<String> e = Engine.all().stream().map(Engine::id).toList();
        return String.format(USAGE, String.join(",", w) + "," + TPCH, String.join(",", e));
    }

    Settings settings() {
        return new Settings(rows != null ? rows : quick ? 20_000 : 1_000_000, timeMs != null ? timeMs : quick ? 300 : 2000,
                threads != null ? threads : quick ? Settings.QUICK_COMMIT_THREADS : Settings.FULL_COMMIT_THREADS,
                logMb != null ? logMb : Settings.LOG_MEGABYTES,
                mixThreads != null ? mixThreads : quick ? Settings.QUICK_MIX_THREADS : Settings.FULL_MIX_THREADS,
                accounts != null ? accounts : Settings.ACCOUNTS,
                lookupThreads != null ? lookupThreads : Settings.LOOKUP_THREADS);
    }

    int warmupRounds() {
        return warmup != null ? warmup : quick ? 1 : 2;
    }

    int measuredRounds() {
        return rounds != null ? rounds : quick ? 3 : 5;
    }

    int memoryMib() {
        return memMib != null ? memMib : quick ? 256 : 1024;
    }

    /** Whether TPC-H runs: in the default set, or named by {@code --workloads=tpch}. */
    boolean tpchSelected() {
        return workloads.isEmpty() || workloads.contains(TPCH);
    }

    List<Double> tpchScaleFactors() {
        return tpchScaleFactors != null ? tpchScaleFactors : List.of(quick ? 0.01 : 0.1);
    }

    int tpchWarmup() {
        return tpchWarmup != null ? tpchWarmup : quick ? 0 : 1;
    }

    int tpchRounds() {
        return tpchRounds != null ? tpchRounds : quick ? 1 : 3;
    }

    int tpchTimeoutSeconds() {
        return tpchTimeout != null ? tpchTimeout : quick ? 5 : 60;
    }

    List<Workload> selectedWorkloads() {
        List<Workload> all = Workload.all(settings());
        if (workloads.isEmpty()) {
            return all;
        }
        List<Workload> chosen = new ArrayList<>();
        for (String id : workloads) {
            if (id.equals(TPCH)) {
                continue;
            }
            List<Workload> exact = all.stream().filter(w -> w.id().equals(id)).toList();
            List<Workload> family = exact.isEmpty()
                    ? all.stream().filter(w -> w.id().startsWith(id + "-")).toList() : exact;
            if (family.isEmpty()) {
                throw new IllegalArgumentException("unknown workload " + id);
            }
            for (Workload w : family) {
                if (!chosen.contains(w)) {
                    chosen.add(w);
                }
            }
        }
        return chosen;
    }

    List<Engine> selectedEngines() {
        List<Engine> all = Engine.all();
        if (engines.isEmpty()) {
            return all;
        }
        List<Engine> chosen = new ArrayList<>();
        for (Engine e : all) { // keep report order
            if (engines.contains(e.id())) {
                chosen.add(e);
            }
        }
        for (String id : engines) {
            if (all.stream().noneMatch(e -> e.id().equals(id))) {
                throw new IllegalArgumentException("unknown engine " + id);
            }
        }
        return chosen;
    }

    private static List<String> list(String value, String name) {
        List<String> items = new ArrayList<>();
        for (String s : required(value, name).split(",")) {
            if (!s.isBlank() && !s.trim().equals("all")) {
                items.add(s.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return items;
    }

    private static List<Integer> numbers(String value, String name) {
        List<Integer> items = new ArrayList<>();
        for (String s : required(value, name).split(",")) {
            if (!s.isBlank()) {
                items.add((int) positive(s.trim(), name));
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one number");
        }
        return items;
    }

    private static List<Double> scaleFactors(String value, String name) {
        List<Double> items = new ArrayList<>();
        for (String s : required(value, name).split(",")) {
            if (!s.isBlank()) {
                try {
                    double sf = Double.parseDouble(s.trim());
                    if (!(sf > 0) || sf > 100) {
                        throw new IllegalArgumentException(name + " takes scale factors in (0, 100], not " + s.trim());
                    }
                    items.add(sf);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " needs numbers, not " + s.trim());
                }
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one scale factor");
        }
        return items;
    }

    private static String required(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a value (" + name + "=...)");
        }
        return value;
    }

    private static long positive(String value, String name) {
        long v = nonNegative(value, name);
        if (v == 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return v;
    }

    private static long nonNegative(String value, String name) {
        try {
            long v = Long.parseLong(required(value, name).replace("_", ""));
            if (v < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not " + value);
        }
    }
}
