package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.TableDef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The row counts a plan was costed with, so that a cached plan can be made again once the data has changed enough
 * to change the plan: a table that grew or shrank by more than {@value #FACTOR} times (and by more than
 * {@value #SLACK} rows) since. Records what it reads from the live statistics while the plan is being made (by
 * one thread); read-only once the plan is published. Only what the cost model asked for is recorded: a plan that
 * joins nothing checks nothing.
 */
public final class StatisticsSnapshot implements TableStatistics {
    static final int FACTOR = 4;
    static final long SLACK = 200;

    private final TableStatistics live;
    private final Map<Integer, Seen> seen = new LinkedHashMap<>();

    private record Seen(TableDef table, long rows) {
    }

    public StatisticsSnapshot(TableStatistics live) {
        this.live = live;
    }

    @Override
    public long rowCount(TableDef table) {
        Seen s = seen.get(table.tableId());
        if (s == null) {
            s = new Seen(table, live.rowCount(table));
            seen.put(table.tableId(), s);
        }
        return s.rows();
    }

    /** Whether a table this plan was costed with now has a very different size. */
    public boolean outdated() {
        for (Seen s : seen.values()) {
            long now = live.rowCount(s.table());
            long low = Math.min(now, s.rows());
            long high = Math.max(now, s.rows());
            if (high - low > SLACK && high > FACTOR * low) {
                return true;
            }
        }
        return false;
    }
}
