package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.sql.exec.PlannerSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Model test of the planner's rewrites: two databases get the same random tables (small value domains, NULLs,
 * some primary keys and indexes); random join queries (comma joins, INNER and LEFT JOINs, conditions in ON and
 * WHERE) and random correlated subqueries ([NOT] EXISTS, [NOT] IN, scalar aggregates) must give the same rows
 * planned in FROM order with nested subqueries (rewrites off) as with join reordering, index joins and
 * decorrelation (rewrites on). Seeded; {@code -Drustydb.planner.seed=N} repeats a run, {@code
 * -Drustydb.planner.queries=N} sets its length.
 */
class PlannerEquivalenceTest {
    private static final int TABLES = 5;

    @Test
    void rewrittenPlansGiveTheSameRowsAsPlainOnes() throws SQLException {
        long seed = Long.getLong("rustydb.planner.seed", 20261202L);
        int queries = Integer.getInteger("rustydb.planner.queries", 200);
        Random random = new Random(seed);
        try (Connection plain = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("plain"));
             Connection planned = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("planned"))) {
            for (String ddl : schema(random)) {
                try (Statement a = plain.createStatement(); Statement b = planned.createStatement()) {
                    a.execute(ddl);
                    b.execute(ddl);
                }
            }
            for (int q = 0; q < queries; q++) {
                String sql = random.nextInt(3) == 0 ? subqueryQuery(random) : joinQuery(random);
                List<String> expected = run(plain, sql, false);
                List<String> actual = run(planned, sql, true);
                assertEquals(expected, actual, "seed " + seed + ", query " + q + ": " + sql);
            }
        } finally {
            PlannerSettings.setAll(true);
        }
    }

    private static List<String> run(Connection c, String sql, boolean rewrites) throws SQLException {
        PlannerSettings.setAll(rewrites);
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = r.getObject(i);
                    row.append(v instanceof Number num ? String.valueOf(num.doubleValue()) : String.valueOf(v))
                            .append('|');
                }
                out.add(row.toString());
            }
        } catch (SQLException e) {
            out.add("error " + e.getSQLState());
        }
        out.sort(null);
        return out;
    }

    private static List<String> schema(Random random) {
        List<String> ddl = new ArrayList<>();
        for (int t = 0; t < TABLES; t++) {
            boolean pk = random.nextBoolean();
            ddl.add("CREATE TABLE t" + t + " (a INTEGER" + (pk ? " PRIMARY KEY" : "") + ", b INTEGER, c INTEGER)");
            if (random.nextBoolean()) {
                ddl.add("CREATE INDEX t" + t + "_b ON t" + t + " (b" + (random.nextBoolean() ? ", c" : "") + ")");
            }
            if (random.nextInt(4) == 0) {
                ddl.add("CREATE INDEX t" + t + "_c ON t" + t + " USING HASH (c)");
            }
            int rows = random.nextInt(t == 0 ? 60 : 25);
            for (int r = 0; r < rows; r++) {
                String a = pk ? String.valueOf(r) : value(random);
                ddl.add("INSERT INTO t" + t + " VALUES (" + a + ", " + value(random) + ", " + value(random) + ")");
            }
        }
        return ddl;
    }

    private static String value(Random random) {
        return random.nextInt(8) == 0 ? "NULL" : String.valueOf(random.nextInt(6));
    }

    private static String column(Random random, String alias) {
        return alias + "." + "abc".charAt(random.nextInt(3));
    }

    private static String joinQuery(Random random) {
        int n = 2 + random.nextInt(4);
        List<String> aliases = new ArrayList<>();
        StringBuilder from = new StringBuilder();
        List<String> where = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String alias = "x" + i;
            String table = "t" + random.nextInt(TABLES) + " " + alias;
            if (i == 0) {
                from.append(table);
            } else {
                String other = aliases.get(random.nextInt(aliases.size()));
                String on = column(random, alias) + " = " + column(random, other);
                if (random.nextInt(3) == 0) {
                    on += " AND " + column(random, alias) + (random.nextBoolean() ? " < " : " = ")
                            + random.nextInt(6);
                }
                switch (random.nextInt(4)) {
                    case 0:
                        from.append(" JOIN ").append(table).append(" ON ").append(on);
                        break;
                    case 1:
                        from.append(" LEFT JOIN ").append(table).append(" ON ").append(on);
                        break;
                    default:
                        from.append(", ").append(table);
                        if (random.nextInt(5) != 0) {
                            where.add(on);
                        }
                }
            }
            aliases.add(alias);
        }
        if (random.nextBoolean()) {
            String alias = aliases.get(random.nextInt(n));
            where.add(random.nextBoolean() ? column(random, alias) + " > " + random.nextInt(4)
                    : column(random, alias) + " IS NOT NULL");
        }
        String select = random.nextBoolean() ? "*"
                : column(random, aliases.get(random.nextInt(n))) + ", " + column(random, aliases.get(0))
                        + ", " + column(random, aliases.get(n - 1));
        if (random.nextInt(4) == 0) {
            select = "count(*), sum(" + column(random, aliases.get(0)) + ")";
        }
        return "SELECT " + select + " FROM " + from + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    }

    private static String subqueryQuery(Random random) {
        String outer = "t" + random.nextInt(TABLES);
        String inner = "t" + random.nextInt(TABLES);
        String correlation = column(random, "i") + " = " + column(random, "o");
        if (random.nextInt(3) == 0) {
            correlation += " AND " + column(random, "i") + " = " + column(random, "o");
        }
        if (random.nextInt(3) == 0) {
            correlation += " AND " + column(random, "i") + (random.nextBoolean() ? " <> " : " > ")
                    + column(random, "o");
        }
        if (random.nextInt(3) == 0) {
            correlation += " AND " + column(random, "i") + " < " + random.nextInt(6);
        }
        String condition;
        switch (random.nextInt(6)) {
            case 0:
                condition = "EXISTS (SELECT 1 FROM " + inner + " i WHERE " + correlation + ")";
                break;
            case 1:
                condition = "NOT EXISTS (SELECT 1 FROM " + inner + " i WHERE " + correlation + ")";
                break;
            case 2:
                condition = column(random, "o") + " IN (SELECT " + column(random, "i") + " FROM " + inner
                        + " i WHERE " + correlation + ")";
                break;
            case 3:
                condition = column(random, "o") + " NOT IN (SELECT " + column(random, "i") + " FROM " + inner
                        + " i WHERE " + correlation + ")";
                break;
            default:
                String[] aggregates = {"count(*)", "count(i.b)", "sum(i.c)", "avg(i.a)", "min(i.b)", "max(i.c)",
                    "2 * avg(i.c)", "count(*) + 1"};
                condition = column(random, "o") + (random.nextBoolean() ? " < " : " = ") + "(SELECT "
                        + aggregates[random.nextInt(aggregates.length)] + " FROM " + inner + " i WHERE "
                        + correlation + ")";
        }
        if (random.nextBoolean()) {
            condition += " AND " + column(random, "o") + " IS NOT NULL";
        }
        return "SELECT o.* FROM " + outer + " o WHERE " + condition;
    }
}
