package io.rustydb.bench;

import io.rustydb.bench.tpch.TpchFiles;
import io.rustydb.bench.tpch.TpchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The markdown of one TPC-H scale factor: load times, the query × engine table of median milliseconds with RustyDB ÷
 * best peer per query, totals, RustyDB against each peer over the queries both answered right, and what was not
 * run, answered wrongly or rewritten.
 */
final class TpchSection {
    private TpchSection() {
    }

    static void markdown(StringBuilder md, TpchResult r) {
        String sf = TpchFiles.scale(r.scaleFactor());
        md.append("## TPC-H, scale factor ").append(sf).append(" (in-memory)\n\n");
        if (r.skipped() != null) {
            md.append(r.skipped()).append("\n\n");
            return;
        }
        List<String> ps = new ArrayList<>();
        r.parameters().forEach((k, v) -> ps.add(k + " = " + (v instanceof Double d ? Report.fmt(d) : v)));
        md.append("Parameters: ").append(String.join("; ", ps)).append(".\n\n");
        List<String> engines = r.engines();
        String subject = r.subject();

        md.append("| load |");
        engines.forEach(e -> md.append(' ').append(r.label(e)).append(" |"));
        md.append("\n|---|");
        engines.forEach(e -> md.append("---|"));
        md.append("\n| time (ms) ↓ |");
        for (String e : engines) {
            TpchResult.Load l = r.load(e);
            md.append(' ').append(l == null ? "–" : l.ok() ? Report.fmt(l.ms()) : "n/a").append(" |");
        }
        md.append("\n| rows/s ↑ |");
        for (String e : engines) {
            TpchResult.Load l = r.load(e);
            md.append(' ').append(l != null && l.ok() && l.ms() > 0 ? Report.fmt(l.rows() * 1000.0 / l.ms()) : "–")
                    .append(" |");
        }
        md.append("\n\n");
        Set<String> methods = new LinkedHashSet<>();
        for (String e : engines) {
            TpchResult.Load l = r.load(e);
            if (l != null) {
                methods.add("- " + r.label(e) + ": " + (l.ok() ? l.method() : "load failed — `" + l.failure() + "`"));
            }
        }
        md.append("Load method (the engine's time from the first insert to the last commit; generating the rows is not"
                + " timed):\n\n")
                .append(String.join("\n", methods)).append("\n\n");

        md.append("Median ms per query (↓); ✗ = wrong answer (not counted), n/a = not run (reason below).");
        if (subject != null) {
            md.append(" Last column: best peer's time ÷ RustyDB's, above 1 = RustyDB faster.");
        }
        md.append("\n\n| query |");
        engines.forEach(e -> md.append(' ').append(r.label(e)).append(" |"));
        if (subject != null) {
            md.append(" best peer | RustyDB ÷ best peer |");
        }
        md.append("\n|---|");
        engines.forEach(e -> md.append("---|"));
        if (subject != null) {
            md.append("---|---|");
        }
        md.append('\n');
        for (int q : r.queries()) {
            md.append("| ").append(TpchFiles.name(q).toUpperCase(Locale.ROOT)).append(" |");
            for (String e : engines) {
                md.append(' ').append(cell(r.cell(q, e))).append(" |");
            }
            if (subject != null) {
                String best = r.bestPeer(q);
                TpchResult.Cell mine = r.cell(q, subject);
                md.append(' ').append(best == null ? "none" : r.label(best)).append(" | ")
                        .append(best != null && mine != null && mine.counts() ? ratio(
                                r.cell(q, best).stats().median() / mine.stats().median()) : "n/a").append(" |");
            }
            md.append('\n');
        }
        md.append("| **total** |");
        for (String e : engines) {
            Set<Integer> counted = r.counted(e);
            md.append(' ').append(counted.isEmpty() ? "n/a" : Report.fmt(r.total(e, counted))
                    + (counted.size() < r.queries().size() ? " (" + counted.size() + " of " + r.queries().size() + ")"
                    : "")).append(" |");
        }
        if (subject != null) {
            md.append(" | |");
        }
        md.append("\n\n");
        if (subject != null) {
            ratios(md, r);
        }
        notes(md, r);
    }

    /** RustyDB's total against each peer's, over the queries both answered right. */
    private static void ratios(StringBuilder md, TpchResult r) {
        String subject = r.subject();
        md.append("RustyDB's total against each peer's, over the queries both answered right (peer ÷ RustyDB: above 1"
                + " = RustyDB faster; the goals of issue 9 at SF 1: ≥ 10× against H2, ≥ 0.5× against DuckDB):\n\n");
        md.append("| peer | queries | peer total (ms) | RustyDB total (ms) | peer ÷ RustyDB |\n|---|---|---|---|---|\n");
        for (String e : r.engines()) {
            if (e.equals(subject)) {
                continue;
            }
            Set<Integer> common = r.common(subject, e);
            Double s = r.speedup(e, common);
            md.append("| ").append(r.label(e)).append(" | ").append(common.size()).append(" | ")
                    .append(common.isEmpty() ? "–" : Report.fmt(r.total(e, common))).append(" | ")
                    .append(common.isEmpty() ? "–" : Report.fmt(r.total(subject, common))).append(" | ")
                    .append(s == null ? "n/a" : ratio(s)).append(" |\n");
        }
        double best = 0;
        double mine = 0;
        int n = 0;
        for (int q : r.counted(subject)) {
            String b = r.bestPeer(q);
            if (b != null) {
                best += r.cell(q, b).stats().median();
                mine += r.cell(q, subject).stats().median();
                n++;
            }
        }
        md.append("| best peer per query | ").append(n).append(" | ").append(n == 0 ? "–" : Report.fmt(best))
                .append(" | ").append(n == 0 ? "–" : Report.fmt(mine)).append(" | ")
                .append(n == 0 ? "n/a" : ratio(best / mine)).append(" |\n\n");
    }

    private static void notes(StringBuilder md, TpchResult r) {
        List<String> lines = new ArrayList<>();
        Map<String, List<String>> rewritten = new LinkedHashMap<>();
        for (String e : r.engines()) {
            for (int q : r.queries()) {
                TpchResult.Cell c = r.cell(q, e);
                String name = TpchFiles.name(q).toUpperCase(Locale.ROOT);
                if (c.wrong() != null) {
                    lines.add("- " + r.label(e) + " " + name + ": **wrong answer** — " + c.wrong());
                }
                if (!c.measured() && !c.notRun().startsWith("load failed")) {
                    lines.add("- " + r.label(e) + " " + name + ": n/a — `" + c.notRun() + "`");
                }
                for (String rw : c.rewrites()) {
                    rewritten.computeIfAbsent(r.label(e) + ": " + rw, k -> new ArrayList<>()).add(name);
                }
            }
        }
        if (!lines.isEmpty()) {
            md.append("Not run or wrong:\n\n").append(String.join("\n", lines)).append("\n\n");
        }
        if (!rewritten.isEmpty()) {
            md.append("Query texts rewritten for an engine's dialect (spelling only, see `QueryAdapter`):\n\n");
            rewritten.forEach((k, qs) -> md.append("- ").append(k).append(" (").append(String.join(", ", qs))
                    .append(")\n"));
            md.append('\n');
        }
    }

    private static String cell(TpchResult.Cell c) {
        if (c == null) {
            return "–";
        }
        if (!c.measured()) {
            return "n/a";
        }
        String s = Report.fmt(c.stats().median());
        return c.wrong() != null ? s + " ✗" : s;
    }

    /** Two decimals, or three significant digits below 0.1 (a 400× gap must not read "0.00×"). */
    static String ratio(double v) {
        return v < 0.1 ? Report.fmt(v) + "×" : String.format(Locale.ROOT, "%.2f×", v);
    }
}
