package io.rustydb.jdbc.slt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds file results up per folder and counts failure causes and skip reasons; prints the tables. */
final class SltTally {
    private static final class Counts {
        long files;
        long pass;
        long fail;
        long skip;
        long millis;
        long runnerErrors;
    }

    private final Map<String, Counts> folders = new TreeMap<>();
    private final Map<String, Long> failures = new HashMap<>();
    private final Map<String, Long> skips = new HashMap<>();
    private final Counts total = new Counts();

    synchronized void add(String folder, SltFileResult r) {
        for (Counts c : new Counts[] {folders.computeIfAbsent(folder, f -> new Counts()), total}) {
            c.files++;
            c.pass += r.passed();
            c.fail += r.failed();
            c.skip += r.skipped();
            c.millis += r.millis();
            c.runnerErrors += r.runnerError() == null ? 0 : 1;
        }
        for (SltOutcome o : r.outcomes()) {
            if (o.status() == SltOutcome.Status.FAIL) {
                failures.merge(o.cause(), 1L, Long::sum);
            } else if (o.status() == SltOutcome.Status.SKIP) {
                skips.merge(o.cause(), 1L, Long::sum);
            }
        }
    }

    long runnerErrors() {
        return total.runnerErrors;
    }

    /** The per-folder table, a total line, and the most frequent failure causes and skip reasons. */
    synchronized String report(int topCauses) {
        StringBuilder out = new StringBuilder();
        String format = "%-44s %6s %9s %9s %9s %7s %9s%n";
        out.append(String.format(format, "folder", "files", "pass", "fail", "skip", "pass%", "seconds"));
        Map<String, Counts> rows = new LinkedHashMap<>(folders);
        rows.put("TOTAL", total);
        rows.forEach((name, c) -> {
            long run = c.pass + c.fail;
            out.append(String.format(format, name, c.files, c.pass, c.fail, c.skip,
                    run == 0 ? "-" : String.format("%.1f", 100.0 * c.pass / run), c.millis / 1000));
        });
        if (total.runnerErrors > 0) {
            out.append("RUNNER ERRORS in ").append(total.runnerErrors).append(" file(s)\n");
        }
        out.append(String.format("%nTop failure causes:%n"));
        top(failures, topCauses).forEach(e -> out.append(String.format("%8d  %s%n", e.getValue(), e.getKey())));
        out.append(String.format("%nTop skip reasons:%n"));
        top(skips, topCauses).forEach(e -> out.append(String.format("%8d  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return entries.subList(0, Math.min(n, entries.size()));
    }
}
