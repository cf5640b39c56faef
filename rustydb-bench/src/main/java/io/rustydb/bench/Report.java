package io.rustydb.bench;

import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.engine.Mode;
import io.rustydb.bench.tpch.TpchResult;
import io.rustydb.bench.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** Collects the run's figures and renders them as markdown (for people) and JSON (raw, for tools). */
final class Report {
    private final Options options;
    private final List<Engine> engines;
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final Map<String, Object> limits = new LinkedHashMap<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final Map<String, Map<String, Outcome>> outcomes = new LinkedHashMap<>();
    private final List<TpchResult> tpch = new ArrayList<>();
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Report(Options options, List<Engine> engines, List<Workload> allWorkloads) {
        this.options = options;
        this.engines = engines;
        Runtime rt = Runtime.getRuntime();
        machine.put("cpus", rt.availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("memory", memTotal());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("max heap (MiB)", rt.maxMemory() >> 20);
        machine.put("load average at start", loadAverage());
    }

    /** Records the load average at the end: other processes competing for the CPUs make every figure noisier. */
    void finish() {
        machine.put("load average at end", loadAverage());
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or "?". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    String machineLine() {
        return machine.get("cpus") + " CPUs (" + machine.get("cpu") + "), " + machine.get("memory") + " RAM, "
                + machine.get("java") + ", max heap " + machine.get("max heap (MiB)") + " MiB";
    }

    void limit(String name, Map<String, Object> values) {
        limits.put(name, values);
    }

    void engineVersion(Engine e, Connection c) {
        versions.computeIfAbsent(e.id(), k -> Compare.productVersion(c));
    }

    void add(Workload w, Map<String, Outcome> byEngine) {
        workloads.add(w);
        outcomes.put(w.id(), byEngine);
    }

    void tpch(TpchResult result) {
        tpch.add(result);
    }

    List<TpchResult> tpch() {
        return tpch;
    }

    Map<String, Outcome> outcomes(String workload) {
        return outcomes.get(workload);
    }

    // ---------------------------------------------------------------- markdown

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# RustyDB benchmark: ").append(options.quick ? "quick run" : "full run").append("\n\n");
        md.append("Run ").append(started).append(" on ").append(machineLine()).append(".  \n");
        md.append("Load average (1/5/15 min) at start ").append(machine.get("load average at start"))
                .append(", at end ").append(machine.getOrDefault("load average at end", "?"))
                .append(" — anything above 0 means other processes shared the CPUs with this run.  \n");
        md.append(options.warmupRounds()).append(" warm-up + ").append(options.measuredRounds())
                .append(" measured rounds per workload, engines interleaved round by round; each cell is the median of"
                        + " the measured rounds with [min–max] after it.\n\n");
        limitsMarkdown(md);
        resultsMarkdown(md);
        ratiosMarkdown(md);
        durableMarkdown(md);
        mixMarkdown(md);
        tpch.forEach(t -> TpchSection.markdown(md, t));
        workloadsMarkdown(md);
        notMeasuredMarkdown(md);
        md.append("## Engine configurations\n\n| engine | version | in-memory | durable |\n|---|---|---|---|\n");
        for (Engine e : engines) {
            md.append("| ").append(e.label()).append(" | ").append(versions.getOrDefault(e.id(), "?")).append(" | ")
                    .append(e.configuration(Mode.MEMORY)).append(" | ").append(e.configuration(Mode.DURABLE))
                    .append(" |\n");
        }
        return md.toString();
    }

    private void resultsMarkdown(StringBuilder md) {
        if (workloads.isEmpty()) {
            return; // TPC-H alone
        }
        md.append("## Results\n\n");
        md.append("| workload | unit |");
        engines.forEach(e -> md.append(' ').append(e.label()).append(" |"));
        md.append("\n|---|---|");
        engines.forEach(e -> md.append("---|"));
        md.append('\n');
        for (Workload w : workloads) {
            md.append("| ").append(w.id()).append(" (").append(w.mode().label()).append(") | ").append(w.unit())
                    .append(w.higherIsBetter() ? " ↑" : " ↓").append(" |");
            for (Engine e : engines) {
                md.append(' ').append(cell(e, outcomes.get(w.id()).get(e.id()))).append(" |");
            }
            md.append('\n');
        }
        md.append("\n↑ higher is better, ↓ lower is better.\n\n");
    }

    private void workloadsMarkdown(StringBuilder md) {
        if (workloads.isEmpty()) {
            return;
        }
        md.append("## Workloads and parameters\n\n");
        for (Workload w : workloads) {
            md.append("- **").append(w.id()).append("** (").append(w.mode().label()).append("): ")
                    .append(w.description()).append(". Parameters: ");
            List<String> ps = new ArrayList<>();
            w.parameters().forEach((k, v) -> ps.add(k + " = " + v));
            md.append(String.join("; ", ps)).append('.');
            for (Engine e : engines) {
                Outcome o = outcomes.get(w.id()).get(e.id());
                if (o != null && o.note() != null) {
                    md.append("\n  - ").append(e.label()).append(": ").append(o.note());
                }
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void limitsMarkdown(StringBuilder md) {
        if (limits.isEmpty()) {
            return;
        }
        md.append("## Physical limits of this machine (same JVM, measured just before the workloads)\n\n");
        md.append("| limit | measured | bounds |\n|---|---|---|\n");
        if (limits.get("fsync") instanceof Map<?, ?> f) {
            for (String how : List.of("append", "overwrite")) {
                if (f.get(how) instanceof Map<?, ?> one) {
                    md.append("| fsync rate: 4 KiB ").append(how.equals("append") ? "append (file grows)"
                            : "overwrite in a preallocated file").append(" + `FileChannel.force(false)`, temp dir's disk | ")
                            .append(fmt((Double) one.get("fsyncs/s"))).append("/s (")
                            .append(fmt((Double) one.get("mean latency (us)")))
                            .append(" µs each) | durable commits of one writer without group commit |\n");
                }
            }
        }
        if (limits.get("memory") instanceof Map<?, ?> m) {
            md.append("| sequential memory read: sum over a `long[]` of ").append(m.get("array (MiB)"))
                    .append(" MiB, best of ").append(m.get("passes")).append(" | ")
                    .append(fmt((Double) m.get("GB/s"))).append(" GB/s | full scans |\n");
        }
        if (limits.get("roundTrip") instanceof Map<?, ?> r) {
            List<String> parts = new ArrayList<>();
            for (Engine e : engines) {
                if (r.get(e.id()) instanceof Map<?, ?> one) {
                    parts.add(one.containsKey("ns/trip")
                            ? e.label() + " " + fmt((Double) one.get("ns/trip") / 1000) + " µs"
                            : e.label() + " n/a");
                }
            }
            md.append("| empty JDBC round trip: prepared `SELECT 1` (or `VALUES 1`), in-memory | ")
                    .append(String.join(", ", parts)).append(" | point queries (per engine) |\n");
        }
        md.append('\n');
    }

    private void ratiosMarkdown(StringBuilder md) {
        Engine subject = engines.stream().filter(Engine::isSubject).findFirst().orElse(null);
        if (subject == null || engines.size() < 2 || workloads.isEmpty()) {
            return;
        }
        md.append("## RustyDB ÷ best peer\n\n");
        md.append("Throughput ratio (for times: best peer's time ÷ RustyDB's time), so above 1 means RustyDB is"
                + " faster. The best peer is the best median among the peers measured in the same mode.\n\n");
        md.append("| workload | RustyDB | best peer | ratio |\n|---|---|---|---|\n");
        for (Workload w : workloads) {
            Map<String, Outcome> byEngine = outcomes.get(w.id());
            Outcome mine = byEngine.get(subject.id());
            Engine best = bestPeer(w, byEngine);
            if (best == null && engines.stream().noneMatch(e -> !e.isSubject() && byEngine.get(e.id()) != null
                    && byEngine.get(e.id()).status() != Outcome.Status.NOT_SUPPORTED)) {
                continue; // a RustyDB-only workload (recovery): no peer to compare with
            }
            md.append("| ").append(w.id()).append(" | ").append(cell(subject, mine)).append(" | ");
            md.append(best == null ? "none measured" : best.label() + " " + fmt(byEngine.get(best.id()).stats().median()));
            md.append(" | ");
            Double ratio = ratio(w, subject, best);
            md.append(ratio == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", ratio)).append(" |\n");
        }
        md.append('\n');
    }

    /** Durable-commit workloads (id {@code durable-commits-<n>t}), in report order. */
    private List<Workload> durableCommitWorkloads() {
        return workloads.stream().filter(w -> w.id().startsWith("durable-commits-")).toList();
    }

    /** The disk's fsync rate measured by {@link Limits#fsync} (overwrite, the better of the two), or null. */
    private Double fsyncRate() {
        if (limits.get("fsync") instanceof Map<?, ?> f && f.get("overwrite") instanceof Map<?, ?> o
                && o.get("fsyncs/s") instanceof Double d) {
            return d;
        }
        return null;
    }

    /**
     * Durable commits by thread count, each figure beside the disk's fsync rate (the physical limit of one writer
     * that syncs every commit without group commit), and RustyDB's figure over each peer's.
     */
    private void durableMarkdown(StringBuilder md) {
        List<Workload> ws = durableCommitWorkloads();
        if (ws.isEmpty()) {
            return;
        }
        Double fsync = fsyncRate();
        md.append("## Durable commits against the disk's fsync rate\n\n");
        md.append("Median commits/s by committing threads; in brackets, that figure ÷ the disk's fsync rate");
        md.append(fsync == null ? " (not measured in this run: --no-limits)" : " (" + fmt(fsync)
                + "/s, 4 KiB overwrite + fdatasync, measured above)");
        md.append(". Above 1× an engine makes several commits durable per fsync (group commit) — or does not sync"
                + " every commit.\n\n| threads |");
        engines.forEach(e -> md.append(' ').append(e.label()).append(" |"));
        md.append("\n|---|");
        engines.forEach(e -> md.append("---|"));
        md.append('\n');
        for (Workload w : ws) {
            md.append("| ").append(w.parameters().get("threads")).append(" |");
            for (Engine e : engines) {
                Outcome o = outcomes.get(w.id()).get(e.id());
                String cell;
                if (o == null) {
                    cell = "–";
                } else if (!o.measured()) {
                    cell = statusText(e, o);
                } else {
                    cell = fmt(o.stats().median()) + (fsync == null ? ""
                            : String.format(Locale.ROOT, " (%.2f×)", o.stats().median() / fsync));
                }
                md.append(' ').append(cell).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        Engine subject = engines.stream().filter(Engine::isSubject).findFirst().orElse(null);
        List<Engine> peers = engines.stream().filter(e -> !e.isSubject()).toList();
        if (subject == null || peers.isEmpty()) {
            return;
        }
        md.append("RustyDB ÷ each peer (above 1 = RustyDB commits more per second):\n\n| threads |");
        peers.forEach(e -> md.append(" ÷ ").append(e.label()).append(" |"));
        md.append("\n|---|");
        peers.forEach(e -> md.append("---|"));
        md.append('\n');
        for (Workload w : ws) {
            Outcome mine = outcomes.get(w.id()).get(subject.id());
            md.append("| ").append(w.parameters().get("threads")).append(" |");
            for (Engine e : peers) {
                Outcome o = outcomes.get(w.id()).get(e.id());
                boolean both = mine != null && mine.measured() && o != null && o.measured();
                md.append(' ').append(both ? String.format(Locale.ROOT, "%.2f×",
                        mine.stats().median() / o.stats().median()) : "n/a").append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** Read-write mix workloads (id {@code rw-mix-<level>-<n>t}), in report order. */
    private List<Workload> mixWorkloads() {
        return workloads.stream().filter(w -> w.id().startsWith("rw-mix-")).toList();
    }

    /**
     * The read-write mix as two matrices, isolation level × threads by engine: committed transactions/s, and aborts
     * ÷ attempts summed over the measured rounds. Engines the mix skipped everywhere get no column; an engine that
     * rejected a level shows the SQLSTATE it gave ("n/a (0A000)").
     */
    private void mixMarkdown(StringBuilder md) {
        List<Workload> ws = mixWorkloads();
        List<Engine> shown = engines.stream().filter(e -> ws.stream().map(w -> outcomes.get(w.id()).get(e.id()))
                .anyMatch(o -> o != null && o.status() != Outcome.Status.SKIPPED)).toList();
        if (ws.isEmpty() || shown.isEmpty()) {
            return;
        }
        md.append("## Read-write mix by isolation level and threads\n\n");
        md.append("Median committed transactions/s [min–max] (").append(ws.get(0).parameters().get("updates (%)"))
                .append(" % updates, the rest point reads; ").append(ws.get(0).parameters().get("accounts (rows)"))
                .append(" accounts):\n\n");
        mixTable(md, ws, shown, Report::cell);
        md.append("Aborts ÷ attempts over the measured rounds (an abort is a transaction rolled back on a conflict —"
                + " serialization failure, deadlock or lock timeout — and retried), aborts by SQLSTATE in brackets:"
                + "\n\n");
        mixTable(md, ws, shown, (e, o) -> abortRate(o));
        List<String> setups = new ArrayList<>();
        for (Engine e : shown) {
            ws.stream().map(w -> outcomes.get(w.id()).get(e.id())).filter(o -> o != null && o.note() != null)
                    .map(Outcome::note).distinct().forEach(n -> setups.add("- " + e.label() + ": " + n));
        }
        if (!setups.isEmpty()) {
            md.append("Setup differences:\n\n").append(String.join("\n", setups)).append("\n\n");
        }
    }

    private void mixTable(StringBuilder md, List<Workload> ws, List<Engine> shown,
            BiFunction<Engine, Outcome, String> cell) {
        md.append("| isolation | threads |");
        shown.forEach(e -> md.append(' ').append(e.label()).append(" |"));
        md.append("\n|---|---|");
        shown.forEach(e -> md.append("---|"));
        md.append('\n');
        for (Workload w : ws) {
            md.append("| ").append(w.parameters().get("isolation")).append(" | ").append(w.parameters().get("threads"))
                    .append(" |");
            for (Engine e : shown) {
                Outcome o = outcomes.get(w.id()).get(e.id());
                md.append(' ').append(o != null && o.measured() ? cell.apply(e, o) : mixStatus(e, o)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** Like {@link #statusText}, but naming the SQLSTATE an engine refused with: "n/a (0A000)". */
    private static String mixStatus(Engine e, Outcome o) {
        if (o == null) {
            return "–";
        }
        if (o.status() == Outcome.Status.NOT_SUPPORTED && o.reason() != null
                && o.reason().matches("[0-9A-Z]{5}( .*)?")) {
            return "n/a (" + o.reason().substring(0, 5) + ")";
        }
        return statusText(e, o);
    }

    /** "0.52 % (12 of 2301: 40001 ×12)" from the counts attempts, aborts and aborts STATE. */
    static String abortRate(Outcome o) {
        Long attempts = o.counts().get("attempts");
        Long aborts = o.counts().get("aborts");
        if (attempts == null || aborts == null || attempts == 0) {
            return "–";
        }
        String rate = aborts == 0 ? "0 %" : (100.0 * aborts / attempts >= 0.01
                ? String.format(Locale.ROOT, "%.2f %%", 100.0 * aborts / attempts) : "< 0.01 %");
        List<String> byState = new ArrayList<>();
        o.counts().forEach((k, v) -> {
            if (k.startsWith("aborts ")) {
                byState.add(k.substring("aborts ".length()) + " ×" + v);
            }
        });
        return rate + " (" + aborts + " of " + attempts + (byState.isEmpty() ? "" : ": " + String.join(", ", byState))
                + ")";
    }

    private Engine bestPeer(Workload w, Map<String, Outcome> byEngine) {
        Engine best = null;
        for (Engine e : engines) {
            Outcome o = byEngine.get(e.id());
            if (e.isSubject() || o == null || !o.measured()) {
                continue;
            }
            double m = o.stats().median();
            if (best == null) {
                best = e;
            } else {
                double b = byEngine.get(best.id()).stats().median();
                if (w.higherIsBetter() ? m > b : m < b) {
                    best = e;
                }
            }
        }
        return best;
    }

    private Double ratio(Workload w, Engine subject, Engine best) {
        Outcome mine = outcomes.get(w.id()).get(subject.id());
        if (best == null || mine == null || !mine.measured()) {
            return null;
        }
        double m = mine.stats().median();
        double b = outcomes.get(w.id()).get(best.id()).stats().median();
        return w.higherIsBetter() ? m / b : b / m;
    }

    private void notMeasuredMarkdown(StringBuilder md) {
        // Outcomes with the same status and reason are listed once when they cover a whole engines × workloads
        // block (e.g. every peer on every recovery workload), else one line each.
        Map<String, List<String[]>> byReason = new LinkedHashMap<>();
        for (Workload w : workloads) {
            for (Engine e : engines) {
                Outcome o = outcomes.get(w.id()).get(e.id());
                if (o != null && !o.measured()) {
                    byReason.computeIfAbsent(statusText(e, o) + "\u0000" + o.reason(), k -> new ArrayList<>())
                            .add(new String[] {e.label(), w.id()});
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> entry : byReason.entrySet()) {
            String[] key = entry.getKey().split("\u0000", 2);
            List<String> es = entry.getValue().stream().map(p -> p[0]).distinct().toList();
            List<String> ws = entry.getValue().stream().map(p -> p[1]).distinct().toList();
            if (entry.getValue().size() > 1 && es.size() * ws.size() == entry.getValue().size()) {
                lines.add("- " + String.join(", ", es) + " / " + String.join(", ", ws) + ": " + key[0] + " — `"
                        + key[1] + "`");
            } else {
                for (String[] p : entry.getValue()) {
                    lines.add("- " + p[0] + " / " + p[1] + ": " + key[0] + " — `" + key[1] + "`");
                }
            }
        }
        if (!lines.isEmpty()) {
            md.append("## Not measured\n\n").append(String.join("\n", lines)).append("\n\n");
        }
    }

    private static String cell(Engine e, Outcome o) {
        if (o == null) {
            return "–";
        }
        if (!o.measured()) {
            return statusText(e, o);
        }
        Stats s = o.stats();
        return s.samples().length == 1 ? fmt(s.median())
                : fmt(s.median()) + " [" + fmt(s.min()) + "–" + fmt(s.max()) + "]";
    }

    private static String statusText(Engine e, Outcome o) {
        return switch (o.status()) {
            case NOT_SUPPORTED -> e.isSubject() ? "n/a (not supported yet)" : "n/a (not supported)";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
            case OK -> "ok";
        };
    }

    /** Three significant digits, with K/M suffixes for large figures. */
    static String fmt(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return sig(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return sig(v / 1e3) + "K";
        }
        return sig(v);
    }

    private static String sig(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- JSON

    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("started", started.toString());
        root.put("mode", options.quick ? "quick" : "full");
        root.put("warmupRounds", options.warmupRounds());
        root.put("measuredRounds", options.measuredRounds());
        root.put("machine", machine);
        root.put("limits", limits);
        List<Object> es = new ArrayList<>();
        for (Engine e : engines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("label", e.label());
            m.put("version", versions.getOrDefault(e.id(), "?"));
            m.put("memory", e.configuration(Mode.MEMORY));
            m.put("durable", e.configuration(Mode.DURABLE));
            es.add(m);
        }
        root.put("engines", es);
        List<Object> ws = new ArrayList<>();
        for (Workload w : workloads) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", w.id());
            m.put("description", w.description());
            m.put("mode", w.mode().name().toLowerCase(Locale.ROOT));
            m.put("unit", w.unit());
            m.put("higherIsBetter", w.higherIsBetter());
            m.put("parameters", w.parameters());
            Map<String, Object> results = new LinkedHashMap<>();
            for (Engine e : engines) {
                Outcome o = outcomes.get(w.id()).get(e.id());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("status", o.status().name().toLowerCase(Locale.ROOT));
                if (o.measured()) {
                    Stats s = o.stats();
                    r.put("samples", s.samples());
                    r.put("median", s.median());
                    r.put("min", s.min());
                    r.put("max", s.max());
                    r.put("q1", s.q1());
                    r.put("q3", s.q3());
                } else {
                    r.put("reason", o.reason());
                }
                if (o.note() != null) {
                    r.put("note", o.note());
                }
                if (!o.counts().isEmpty()) {
                    r.put("counts", o.counts());
                    Long attempts = o.counts().get("attempts");
                    Long aborts = o.counts().get("aborts");
                    if (attempts != null && aborts != null && attempts > 0) {
                        r.put("abortRate", (double) aborts / attempts); // aborts ÷ attempts, measured rounds
                    }
                }
                results.put(e.id(), r);
            }
            m.put("results", results);
            Engine subject = engines.stream().filter(Engine::isSubject).findFirst().orElse(null);
            if (subject != null) {
                Engine best = bestPeer(w, outcomes.get(w.id()));
                m.put("bestPeer", best == null ? null : best.id());
                m.put("ratioVsBestPeer", ratio(w, subject, best));
            }
            ws.add(m);
        }
        root.put("workloads", ws);
        root.put("tpch", tpch.stream().map(TpchResult::json).toList());
        return root;
    }

    // ---------------------------------------------------------------- machine

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "?";
    }
}
