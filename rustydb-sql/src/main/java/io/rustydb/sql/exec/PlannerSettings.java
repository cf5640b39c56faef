package io.rustydb.sql.exec;

/**
 * Switches for the planner's rewrites, for tests that compare results with and without them (and for diagnosing a
 * bad plan). Read when a statement is planned; a cached plan keeps what it was planned with. Defaults come from the
 * system properties {@code rustydb.planner.reorderJoins}, {@code rustydb.planner.indexJoins} and
 * {@code rustydb.planner.decorrelate} (all true unless set to false).
 */
public final class PlannerSettings {
    private static volatile boolean reorderJoins = !"false".equals(System.getProperty("rustydb.planner.reorderJoins"));
    private static volatile boolean indexJoins = !"false".equals(System.getProperty("rustydb.planner.indexJoins"));
    private static volatile boolean decorrelate = !"false".equals(System.getProperty("rustydb.planner.decorrelate"));

    private PlannerSettings() {
    }

    /** Whether inner joins are reordered by cost (else they run in FROM order). */
    public static boolean reorderJoins() {
        return reorderJoins;
    }

    /** Whether a join may probe an index of its inner table per outer row. */
    public static boolean indexJoins() {
        return indexJoins;
    }

    /** Whether correlated subqueries in WHERE are rewritten into joins. */
    public static boolean decorrelate() {
        return decorrelate;
    }

    /** Turns the three rewrites on or off together (tests). */
    public static void setAll(boolean enabled) {
        reorderJoins = enabled;
        indexJoins = enabled;
        decorrelate = enabled;
    }
}
