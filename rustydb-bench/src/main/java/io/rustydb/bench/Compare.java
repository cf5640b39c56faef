package io.rustydb.bench;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.workload.Trial;
import io.rustydb.bench.workload.Workload;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The side-by-side comparison: runs the chosen workloads on RustyDB and its peers in one JVM, engines interleaved
 * round by round (round {@code r} starts with engine {@code r mod n}) so that drift of the machine does not favour
 * one; warm-up rounds first, then measured rounds summarised as median and spread (plus any side counts a trial
 * reports, summed over the measured rounds). An engine that cannot set a workload up is shown as n/a with the
 * reason, never a crash; one the workload chooses not to run is shown as skipped with its reason.
 *
 * <p>{@code java -jar rustydb-bench/target/rustydb-bench.jar --quick}; {@code --help} lists the options.
 */
public final class Compare {
    private final Options options;
    private final PrintStream out;
    private final PrintStream err;

    Compare(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.usage());
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(Options.usage());
            return;
        }
        try {
            new Compare(options, System.out, System.err).run();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // Some drivers leave non-daemon threads behind (e.g. H2's writer); results are written, so leave.
        System.exit(0);
    }

    /** Runs everything and writes the reports; returns the report. */
    Report run() throws Exception {
        List<Workload> workloads = options.selectedWorkloads();
        List<Engine> engines = options.selectedEngines();
        if (engines.isEmpty() || workloads.isEmpty() && !options.tpchSelected()) {
            throw new IllegalArgumentException("nothing to run");
        }
        Path temp = Files.createTempDirectory("rustydb-bench");
        System.setProperty("derby.stream.error.file", temp.resolve("derby.log").toString());
        try {
            Report report = new Report(options, engines, workloads);
            out.println("RustyDB benchmark, " + (options.quick ? "quick" : "full") + " run: " + report.machineLine());
            out.println("rounds: " + options.warmupRounds() + " warm-up + " + options.measuredRounds()
                    + " measured, engines interleaved; temp dir " + temp);
            if (!options.quick && Runtime.getRuntime().maxMemory() < 6L << 30) {
                err.println("note: max heap is " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; full runs are meant"
                        + " for java -Xms8g -Xmx8g -XX:+AlwaysPreTouch -jar rustydb-bench.jar (see docs/performance.md)");
            }
            boolean bar = options.progress != null ? options.progress : System.console() != null;
            long steps = (long) workloads.size() * engines.size() * (options.warmupRounds() + options.measuredRounds() + 1)
                    + (options.limits ? 3 : 0)
                    + (options.tpchSelected() ? options.tpchScaleFactors().size()
                            * TpchBenchmark.steps(options, engines.size()) : 0);
            Progress progress = new Progress(err, bar, steps);
            if (options.limits) {
                measureLimits(report, engines, temp, progress);
            }
            for (Workload w : workloads) {
                out.println("- " + w.id() + " (" + w.mode().label() + "): " + w.description() + "; " + w.parameters());
                report.add(w, runWorkload(w, engines, temp, progress, report));
            }
            if (options.tpchSelected()) {
                TpchBenchmark tpch = new TpchBenchmark(options, out, progress, report);
                for (double sf : options.tpchScaleFactors()) {
                    report.tpch(tpch.run(sf, engines, temp));
                }
            }
            progress.finish();
            report.finish();
            String md = report.markdown();
            out.println();
            out.print(md);
            Files.createDirectories(options.out);
            Files.writeString(options.out.resolve("results.md"), md, StandardCharsets.UTF_8);
            Files.writeString(options.out.resolve("results.json"), Json.write(report.json()), StandardCharsets.UTF_8);
            out.println();
            out.println("written: " + options.out.resolve("results.md") + ", " + options.out.resolve("results.json"));
            return report;
        } finally {
            deleteTree(temp);
        }
    }

    private void measureLimits(Report report, List<Engine> engines, Path temp, Progress progress) throws IOException {
        long box = Math.max(200, options.settings().timeMs() * 3);
        progress.show("limits: fsync");
        report.limit("fsync", Limits.fsync(temp, box));
        progress.step();
        progress.show("limits: memory bandwidth");
        report.limit("memory", Limits.memoryBandwidth(options.memoryMib(), 5));
        progress.step();
        progress.show("limits: JDBC round trip");
        report.limit("roundTrip", Limits.roundTrips(engines, options.settings().timeMs(), temp));
        progress.step();
    }

    private Map<String, Outcome> runWorkload(Workload w, List<Engine> engines, Path temp, Progress progress,
            Report report) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<Engine, Database> dbs = new LinkedHashMap<>();
        Map<Engine, Trial> trials = new LinkedHashMap<>();
        Map<Engine, List<Double>> samples = new LinkedHashMap<>();
        Map<Engine, Map<String, Long>> counts = new LinkedHashMap<>();
        try {
            for (Engine e : engines) {
                progress.show(w.id() + ": set up " + e.id());
                String skip = w.skipReason(e);
                if (skip != null) {
                    outcomes.put(e.id(), Outcome.skipped(skip));
                    progress.step();
                    continue;
                }
                Database db = null;
                try {
                    Path dir = Files.createDirectories(temp.resolve(w.id()).resolve(e.id()));
                    db = Database.open(e, w.mode(), "bench_" + w.id().replace('-', '_'), dir);
                    report.engineVersion(e, db.connection());
                    dbs.put(e, db);
                    trials.put(e, w.prepare(db));
                    samples.put(e, new ArrayList<>());
                    counts.put(e, new LinkedHashMap<>());
                } catch (Exception | LinkageError ex) {
                    outcomes.put(e.id(), Outcome.notSupported(shorten(ex)));
                }
                progress.step();
            }
            int total = options.warmupRounds() + options.measuredRounds();
            for (int round = 0; round < total; round++) {
                for (int i = 0; i < engines.size(); i++) {
                    Engine e = engines.get((round + i) % engines.size());
                    Trial t = trials.get(e);
                    if (t != null) {
                        progress.show(w.id() + ": " + e.id() + (round < options.warmupRounds() ? " warm-up" : " round "
                                + (round - options.warmupRounds() + 1)));
                        try {
                            double figure = t.run();
                            if (round >= options.warmupRounds()) {
                                samples.get(e).add(figure);
                                t.roundCounts().forEach((k, v) -> counts.get(e).merge(k, v, Long::sum));
                            }
                        } catch (Exception | LinkageError ex) {
                            outcomes.put(e.id(), Outcome.failed(shorten(ex)));
                            closeQuietly(trials.remove(e));
                        }
                    }
                    progress.step();
                }
            }
            for (Map.Entry<Engine, Trial> t : trials.entrySet()) {
                double[] values = samples.get(t.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
                outcomes.put(t.getKey().id(), Outcome.ok(Stats.of(values), t.getValue().note(),
                        counts.get(t.getKey())));
            }
        } finally {
            trials.values().forEach(Compare::closeQuietly);
            dbs.values().forEach(Database::close);
        }
        Map<String, Outcome> ordered = new LinkedHashMap<>();
        for (Engine e : engines) {
            ordered.put(e.id(), outcomes.get(e.id()));
        }
        return ordered;
    }

    private static void closeQuietly(Trial t) {
        if (t != null) {
            try {
                t.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    /** The SQLSTATE and first line of the message of the most specific SQL error in {@code t}'s chain. */
    static String shorten(Throwable t) {
        Throwable chosen = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                chosen = c;
                break;
            }
        }
        String msg = chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
        msg = msg.lines().findFirst().orElse("").trim();
        if (chosen instanceof SQLException sql && sql.getSQLState() != null) {
            msg = sql.getSQLState() + " " + msg;
        } else if (!(chosen instanceof SQLException)) {
            msg = chosen.getClass().getSimpleName() + ": " + msg;
        }
        return msg.length() > 120 ? msg.substring(0, 117) + "..." : msg;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    /** Reads the product version once per engine, for the report. */
    static String productVersion(Connection c) {
        try {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException | RuntimeException e) {
            return "?";
        }
    }
}
