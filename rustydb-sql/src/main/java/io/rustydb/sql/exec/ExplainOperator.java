package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EXPLAIN: yields a physical plan one operator per row, children indented under their parent (under a head line
 * for a write). EXPLAIN ANALYZE first runs its (instrumented) plan to the end, discarding the rows, and follows
 * each line with what the operator did: {@code (actual rows=R batches=B time=T ms)}, time being wall-clock and
 * inclusive of the operator's inputs; a last line gives the whole execution time. An operator that never ran says
 * {@code (never executed)}. An operator that spilled to temporary files adds what it wrote, e.g.
 * {@code (spilled: runs=12 merge passes=2 files=16 rows=50000 bytes=1048576)}.
 */
public final class ExplainOperator implements PhysicalOperator {
    private final PhysicalOperator plan;
    private final String head;
    private final boolean analyze;

    ExplainOperator(PhysicalOperator plan, String head, boolean analyze) {
        this.plan = plan;
        this.head = head;
        this.analyze = analyze;
    }

    @Override
    public List<DataType> outputTypes() {
        return List.of(DataType.VARCHAR);
    }

    @Override
    public OperatorState open(ExecContext context) {
        List<String> lines = new ArrayList<>();
        if (head != null) {
            lines.add(head);
        }
        if (analyze) {
            long start = System.nanoTime();
            try (OperatorState state = plan.open(context)) {
                while (state.next() != null) {
                    // rows are counted by the operators, not returned
                }
            }
            long total = System.nanoTime() - start;
            describe(plan, 0, lines, context.profile());
            lines.add(String.format(Locale.ROOT, "Execution time: %.3f ms", total / 1e6));
        } else {
            describe(plan, head == null ? 0 : 1, lines, null);
        }
        RowBatch batch = new RowBatch(1, Math.max(1, lines.size()));
        for (int i = 0; i < lines.size(); i++) {
            batch.column(0)[i] = lines.get(i);
        }
        batch.setSize(lines.size());
        return new OperatorState() {
            private boolean done;

            @Override
            public RowBatch next() {
                if (done) {
                    return null;
                }
                done = true;
                return batch;
            }

            @Override
            public void close() {
                done = true;
            }
        };
    }

    private static void describe(PhysicalOperator op, int indent, List<String> lines, OperatorProfile profile) {
        String line = "  ".repeat(indent) + (indent > 0 ? "-> " : "") + op.describe();
        if (profile != null && op instanceof AnalyzedOperator) {
            OperatorProfile.Counters c = profile.find(op);
            line += c == null ? " (never executed)" : String.format(Locale.ROOT,
                    " (actual rows=%d batches=%d time=%.3f ms%s)", c.rows(), c.batches(), c.nanos() / 1e6,
                    c.opens() > 1 ? " loops=" + c.opens() : "");
            io.rustydb.sql.exec.spill.SpillStats spilled = profile.findSpill(((AnalyzedOperator) op).inner());
            if (spilled != null) {
                line += " (" + spilled + ")";
            }
        }
        lines.add(line);
        for (PhysicalOperator child : op.children()) {
            describe(child, indent + 1, lines, profile);
        }
    }

    @Override
    public String describe() {
        return analyze ? "ExplainAnalyze" : "Explain";
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(plan);
    }
}
