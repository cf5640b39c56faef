package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.engine.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One benchmark workload. Implementations print their parameters through {@link #parameters()}. */
public interface Workload {
    /** Name on the command line and in the JSON ({@code bulk-load}, ...). */
    String id();

    /** One-line description for the report, including the SQL it runs. */
    String description();

    Mode mode();

    /** Unit of the figure {@link Trial#run()} returns. */
    String unit();

    boolean higherIsBetter();

    /** The parameters that shape the figure, printed with the results. */
    Map<String, Object> parameters();

    /**
     * Sets the workload up on {@code db} (schema, data). An exception here means the engine cannot run the
     * workload; it is reported as "n/a" with the reason.
     */
    Trial prepare(Database db) throws Exception;

    /**
     * Why this workload is deliberately not run on {@code engine} (reported as "skipped" with the reason, no
     * database opened), or {@code null} to run it. Unlike a failure in {@link #prepare}, this is a choice of the
     * workload, not a missing feature of the engine.
     */
    default String skipReason(Engine engine) {
        return null;
    }

    /** Every workload for {@code settings}, in report order. */
    static List<Workload> all(Settings settings) {
        List<Workload> all = new ArrayList<>(List.of(
                new BulkLoad(settings),
                new ScanAggregate(settings),
                new FilteredCount(settings)));
        for (int threads : settings.lookupThreads()) {
            all.add(new PointSelect(settings, threads));
        }
        for (int threads : settings.lookupThreads()) {
            all.add(new RangeScan(settings, threads));
        }
        for (Isolation level : Isolation.values()) {
            for (int threads : settings.mixThreads()) {
                all.add(new ReadWriteMix(settings, level, threads));
            }
        }
        for (int threads : settings.commitThreads()) {
            all.add(new DurableCommits(settings, threads));
        }
        for (int mb : settings.logMegabytes()) {
            all.add(new Recovery(mb));
        }
        return List.copyOf(all);
    }
}
