package io.rustydb.bench.tpch;

import io.rustydb.bench.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a TPC-H run at one scale factor measured: per engine the load time, per query and engine the measured
 * times (or why there are none) and whether the answer was right. Filled by the harness while it runs.
 */
public final class TpchResult {
    /** One engine's load: time (generation included), rows and method, or why it failed (then ms is NaN). */
    public record Load(double ms, long rows, String method, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * One query on one engine: {@code stats} of the measured rounds (ms), or {@code notRun} saying why there are
     * none; {@code wrong} says how the answer was wrong (null when it was checked right); {@code rewrites} are the
     * {@link QueryAdapter} rewrites its text got.
     */
    public record Cell(Stats stats, String notRun, String wrong, List<String> rewrites) {
        public boolean measured() {
            return stats != null;
        }

        /** Measured and answered right: the only times that count in totals and ratios. */
        public boolean counts() {
            return stats != null && wrong == null;
        }
    }

    private final double scaleFactor;
    private final List<String> engines;
    private final Map<String, String> labels;
    private final String subject;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Load> loads = new LinkedHashMap<>();
    private final Map<Integer, Map<String, Cell>> cells = new LinkedHashMap<>();
    private String skipped;

    /**
     * @param engines engine ids in report order
     * @param labels their display names
     * @param subject the id of the engine under test (RustyDB), or null
     */
    public TpchResult(double scaleFactor, List<String> engines, Map<String, String> labels, String subject) {
        this.scaleFactor = scaleFactor;
        this.engines = List.copyOf(engines);
        this.labels = Map.copyOf(labels);
        this.subject = subject;
    }

    public double scaleFactor() {
        return scaleFactor;
    }

    public List<String> engines() {
        return engines;
    }

    public String label(String engine) {
        return labels.getOrDefault(engine, engine);
    }

    public String subject() {
        return subject;
    }

    /** Parameters printed with the results (rounds, time limit, check method ...). */
    public Map<String, Object> parameters() {
        return parameters;
    }

    public void skip(String reason) {
        skipped = reason;
    }

    /** Why nothing ran (the corpus is missing), or null. */
    public String skipped() {
        return skipped;
    }

    public void load(String engine, Load load) {
        loads.put(engine, load);
    }

    public Load load(String engine) {
        return loads.get(engine);
    }

    public void cell(int query, String engine, Cell cell) {
        cells.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(engine, cell);
    }

    public Cell cell(int query, String engine) {
        Map<String, Cell> byEngine = cells.get(query);
        return byEngine == null ? null : byEngine.get(engine);
    }

    /** The queries with any result, ascending. */
    public Set<Integer> queries() {
        return new TreeSet<>(cells.keySet());
    }

    /** The queries {@code engine} measured with a right answer. */
    public Set<Integer> counted(String engine) {
        Set<Integer> out = new TreeSet<>();
        for (int q : queries()) {
            Cell c = cell(q, engine);
            if (c != null && c.counts()) {
                out.add(q);
            }
        }
        return out;
    }

    /** Sum of {@code engine}'s medians over {@code queries} (all of which it must have counted). */
    public double total(String engine, Set<Integer> queries) {
        double sum = 0;
        for (int q : queries) {
            sum += cell(q, engine).stats().median();
        }
        return sum;
    }

    /** The peer (not the subject) with the lowest right median on {@code query}, or null. */
    public String bestPeer(int query) {
        String best = null;
        for (String e : engines) {
            Cell c = cell(query, e);
            if (e.equals(subject) || c == null || !c.counts()) {
                continue;
            }
            if (best == null || c.stats().median() < cell(query, best).stats().median()) {
                best = e;
            }
        }
        return best;
    }

    /**
     * {@code peer}'s time ÷ the subject's on the queries both answered right (above 1 = the subject is faster), or
     * null when they share none.
     */
    public Double speedup(String peer, Set<Integer> common) {
        if (subject == null || common.isEmpty()) {
            return null;
        }
        return total(peer, common) / total(subject, common);
    }

    /** The queries both engines measured with right answers. */
    public Set<Integer> common(String a, String b) {
        Set<Integer> s = counted(a);
        s.retainAll(counted(b));
        return s;
    }

    /** Raw figures for the JSON report. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scaleFactor", scaleFactor);
        if (skipped != null) {
            m.put("skipped", skipped);
            return m;
        }
        m.put("parameters", parameters);
        Map<String, Object> ls = new LinkedHashMap<>();
        loads.forEach((e, l) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            if (l.ok()) {
                r.put("ms", l.ms());
                r.put("rows", l.rows());
                r.put("method", l.method());
            } else {
                r.put("failure", l.failure());
            }
            ls.put(e, r);
        });
        m.put("load", ls);
        Map<String, Object> qs = new LinkedHashMap<>();
        for (int q : queries()) {
            Map<String, Object> byEngine = new LinkedHashMap<>();
            for (String e : engines) {
                Cell c = cell(q, e);
                if (c == null) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                if (c.measured()) {
                    r.put("samples", c.stats().samples());
                    r.put("median", c.stats().median());
                    r.put("min", c.stats().min());
                    r.put("max", c.stats().max());
                } else {
                    r.put("notRun", c.notRun());
                }
                r.put("answer", c.wrong() == null ? (c.measured() ? "right" : "none") : "wrong");
                if (c.wrong() != null) {
                    r.put("wrong", c.wrong());
                }
                if (!c.rewrites().isEmpty()) {
                    r.put("rewrites", c.rewrites());
                }
                byEngine.put(e, r);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("engines", byEngine);
            String best = bestPeer(q);
            entry.put("bestPeer", best);
            Cell mine = subject == null ? null : cell(q, subject);
            entry.put("ratioVsBestPeer", best != null && mine != null && mine.counts()
                    ? cell(q, best).stats().median() / mine.stats().median() : null);
            qs.put(TpchFiles.name(q), entry);
        }
        m.put("queries", qs);
        Map<String, Object> totals = new LinkedHashMap<>();
        for (String e : engines) {
            Set<Integer> counted = counted(e);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("queries", new ArrayList<>(counted));
            t.put("ms", total(e, counted));
            if (subject != null && !e.equals(subject)) {
                Set<Integer> common = common(subject, e);
                t.put("commonQueries", common.size());
                t.put("subjectSpeedup", speedup(e, common)); // e's time ÷ the subject's, same queries
            }
            totals.put(e, t);
        }
        m.put("totals", totals);
        return m;
    }
}
