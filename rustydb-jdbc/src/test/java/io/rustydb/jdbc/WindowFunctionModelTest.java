package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random window calls (function, PARTITION BY, ORDER BY direction and NULL placement, ROWS/RANGE/GROUPS frames with
 * random bounds), several per query, checked row by row against a naive model that finds each row's partition,
 * order, peers and frame from their definitions. Orders are total wherever the result would depend on the order of
 * peers. Seeded; the seed and the query are in every failure message.
 */
class WindowFunctionModelTest {
    private static final int ROWS = 60;
    private static final int QUERIES = Integer.getInteger("rustydb.test.windowQueries", 150);

    /** One row of the table: {@code id} unique, the others with NULLs and ties. */
    private record Row(int id, Integer g, Integer o, Integer v) {
    }

    private enum Fn {
        ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE,
        COUNT_STAR, COUNT, SUM, AVG, MIN, MAX, COUNT_DISTINCT, SUM_DISTINCT;

        boolean ranking() {
            return this == RANK || this == DENSE_RANK || this == PERCENT_RANK || this == CUME_DIST;
        }

        boolean aggregate() {
            return compareTo(COUNT_STAR) >= 0;
        }

        boolean usesFrame() {
            return aggregate() || this == FIRST_VALUE || this == LAST_VALUE || this == NTH_VALUE;
        }
    }

    /** A frame bound: kind 0 UNBOUNDED PRECEDING, 1 k PRECEDING, 2 CURRENT ROW, 3 k FOLLOWING, 4 UNBOUNDED FOLLOWING. */
    private record Bound(int kind, int k) {
        String sql() {
            return switch (kind) {
                case 0 -> "UNBOUNDED PRECEDING";
                case 1 -> k + " PRECEDING";
                case 2 -> "CURRENT ROW";
                case 3 -> k + " FOLLOWING";
                default -> "UNBOUNDED FOLLOWING";
            };
        }

        /** The bound as a signed distance from the current row (infinite for UNBOUNDED). */
        double offset() {
            return switch (kind) {
                case 0 -> Double.NEGATIVE_INFINITY;
                case 1 -> -k;
                case 2 -> 0;
                case 3 -> k;
                default -> Double.POSITIVE_INFINITY;
            };
        }
    }

    /** One generated call. {@code unit} is null for the default frame. */
    private record Call(Fn fn, int arg, boolean partitioned, boolean ordered, boolean byId, boolean descending,
                        boolean nullsFirst, String unit, Bound start, Bound end) {
        String sql() {
            String f = switch (fn) {
                case NTILE -> "NTILE(" + arg + ")";
                case LAG -> "LAG(v, " + arg + ", -99)";
                case LEAD -> "LEAD(v, " + arg + ")";
                case FIRST_VALUE, LAST_VALUE -> fn.name() + "(v)";
                case NTH_VALUE -> "NTH_VALUE(v, " + arg + ")";
                case COUNT_STAR -> "COUNT(*)";
                case COUNT_DISTINCT -> "COUNT(DISTINCT v)";
                case SUM_DISTINCT -> "SUM(DISTINCT v)";
                case COUNT, SUM, AVG, MIN, MAX -> fn.name() + "(v)";
                default -> fn.name() + "()";
            };
            List<String> over = new ArrayList<>();
            if (partitioned) {
                over.add("PARTITION BY g");
            }
            if (ordered) {
                over.add("ORDER BY o" + (descending ? " DESC" : "") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST")
                        + (byId ? ", id" : ""));
            }
            if (unit != null) {
                over.add(unit + " BETWEEN " + start.sql() + " AND " + end.sql());
            }
            return f + " OVER (" + String.join(" ", over) + ")";
        }
    }

    @Test
    void randomCallsMatchTheModel() throws SQLException {
        long seed = Long.getLong("rustydb.test.seed", 7_2024_0607L);
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        try (Connection c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("window_model"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE r (id INTEGER, g INTEGER, o INTEGER, v INTEGER)");
            StringBuilder insert = new StringBuilder("INSERT INTO r VALUES ");
            for (int i = 0; i < ROWS; i++) {
                Row row = new Row(i, random.nextInt(5) == 0 ? null : random.nextInt(3),
                        random.nextInt(6) == 0 ? null : random.nextInt(10),
                        random.nextInt(6) == 0 ? null : random.nextInt(41) - 20);
                rows.add(row);
                insert.append(i == 0 ? "" : ", ").append('(').append(row.id()).append(", ").append(row.g()).append(", ")
                        .append(row.o()).append(", ").append(row.v()).append(')');
            }
            s.execute(insert.toString());
            for (int q = 0; q < QUERIES; q++) {
                List<Call> calls = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    calls.add(randomCall(random));
                }
                StringBuilder sql = new StringBuilder("SELECT id");
                for (Call call : calls) {
                    sql.append(", ").append(call.sql());
                }
                sql.append(" FROM r");
                String context = "seed " + seed + ": " + sql;
                int seen = 0;
                try (ResultSet r = s.executeQuery(sql.toString())) {
                    while (r.next()) {
                        Row row = rows.get(r.getInt(1));
                        for (int i = 0; i < calls.size(); i++) {
                            Object expected = model(calls.get(i), row, rows);
                            assertSame(expected, r.getObject(i + 2), context + " row " + row + " call " + (i + 1));
                        }
                        seen++;
                    }
                } catch (SQLException e) {
                    throw new AssertionError(context, e);
                }
                assertEquals(ROWS, seen, context);
            }
        }
    }

    private static Call randomCall(Random random) {
        Fn fn = Fn.values()[random.nextInt(Fn.values().length)];
        int arg = switch (fn) {
            case NTILE -> 1 + random.nextInt(8);
            case LAG, LEAD -> random.nextInt(4);
            case NTH_VALUE -> 1 + random.nextInt(4);
            default -> 0;
        };
        boolean partitioned = random.nextBoolean();
        boolean ordered = !fn.ranking() && fn != Fn.ROW_NUMBER || random.nextInt(4) != 0;
        if (fn.aggregate() && random.nextInt(5) == 0) {
            ordered = false; // whole partition
        }
        if (fn == Fn.ROW_NUMBER || fn == Fn.NTILE || fn == Fn.LAG || fn == Fn.LEAD) {
            ordered = true;
        }
        boolean descending = random.nextBoolean();
        boolean nullsFirst = random.nextBoolean();
        String unit = null;
        Bound start = null;
        Bound end = null;
        if (ordered && fn.usesFrame() && random.nextInt(5) != 0) {
            unit = List.of("ROWS", "RANGE", "GROUPS").get(random.nextInt(3));
            do {
                start = new Bound(random.nextInt(4), random.nextInt(4));
                end = new Bound(1 + random.nextInt(4), random.nextInt(4));
            } while (start.kind() > end.kind() || start.kind() == 2 && end.kind() == 1
                    || start.kind() == 3 && end.kind() < 3);
        }
        // the order must be total where peers' order would change the result
        boolean peersMatter = !fn.ranking() && (!fn.aggregate() || "ROWS".equals(unit));
        boolean rangeOffsets = "RANGE".equals(unit) && (start.kind() == 1 || start.kind() == 3 || end.kind() == 1
                || end.kind() == 3);
        if (rangeOffsets && peersMatter) {
            unit = "ROWS";
        }
        boolean byId = ordered && peersMatter;
        return new Call(fn, arg, partitioned, ordered, byId, descending, nullsFirst, unit, start, end);
    }

    // ---- the model

    private static Object model(Call call, Row row, List<Row> all) {
        List<Row> members = new ArrayList<>();
        for (Row r : all) {
            if (!call.partitioned() || java.util.Objects.equals(r.g(), row.g())) {
                members.add(r);
            }
        }
        Comparator<Row> order = order(call);
        members.sort(order.thenComparing(Row::id)); // any total order: peers' order never matters here
        int n = members.size();
        int pos = members.indexOf(row);
        long before = members.stream().filter(r -> order.compare(r, row) < 0).count();
        long notAfter = members.stream().filter(r -> order.compare(r, row) <= 0).count();
        switch (call.fn()) {
            case ROW_NUMBER:
                return (long) pos + 1;
            case RANK:
                return before + 1;
            case DENSE_RANK: {
                TreeSet<Row> distinct = new TreeSet<>(order);
                members.stream().filter(r -> order.compare(r, row) < 0).forEach(distinct::add);
                return (long) distinct.size() + 1;
            }
            case PERCENT_RANK:
                return n == 1 ? 0.0 : (double) before / (n - 1);
            case CUME_DIST:
                return (double) notAfter / n;
            case NTILE: {
                int bucket = 1;
                int filled = 0;
                for (int i = 0; i < n; i++) {
                    int size = n / call.arg() + (bucket <= n % call.arg() ? 1 : 0);
                    if (filled == size) {
                        bucket++;
                        filled = 0;
                    }
                    if (i == pos) {
                        return bucket;
                    }
                    filled++;
                }
                throw new AssertionError();
            }
            case LAG:
                return pos - call.arg() >= 0 ? members.get(pos - call.arg()).v() : (Object) (-99);
            case LEAD:
                return pos + call.arg() < n ? members.get(pos + call.arg()).v() : null;
            default:
                break;
        }
        List<Row> frame = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (inFrame(call, members, pos, j, order)) {
                frame.add(members.get(j));
            }
        }
        List<Integer> values = new ArrayList<>();
        for (Row r : frame) {
            if (r.v() != null) {
                values.add(r.v());
            }
        }
        switch (call.fn()) {
            case FIRST_VALUE:
                return frame.isEmpty() ? null : frame.get(0).v();
            case LAST_VALUE:
                return frame.isEmpty() ? null : frame.get(frame.size() - 1).v();
            case NTH_VALUE:
                return frame.size() < call.arg() ? null : frame.get(call.arg() - 1).v();
            case COUNT_STAR:
                return (long) frame.size();
            case COUNT:
                return (long) values.size();
            case COUNT_DISTINCT:
                return (long) new TreeSet<>(values).size();
            case SUM:
                return values.isEmpty() ? null : values.stream().mapToLong(Integer::longValue).sum();
            case SUM_DISTINCT:
                return values.isEmpty() ? null : new TreeSet<>(values).stream().mapToLong(Integer::longValue).sum();
            case AVG:
                return values.isEmpty() ? null : BigDecimal.valueOf(values.stream().mapToLong(Integer::longValue).sum())
                        .divide(BigDecimal.valueOf(values.size()), 16, RoundingMode.HALF_UP);
            case MIN:
                return values.stream().min(Integer::compare).orElse(null);
            case MAX:
                return values.stream().max(Integer::compare).orElse(null);
            default:
                throw new AssertionError(call.fn());
        }
    }

    /** The window order: o in the call's direction and NULL placement, then id if the call orders by it. */
    private static Comparator<Row> order(Call call) {
        if (!call.ordered()) {
            return (a, b) -> 0;
        }
        Comparator<Row> byO = (a, b) -> Double.compare(directed(call, a), directed(call, b));
        return call.byId() ? byO.thenComparing(Row::id) : byO;
    }

    /** o as a number that grows in window order: negated when descending, NULL at its end as an infinity. */
    private static double directed(Call call, Row r) {
        if (r.o() == null) {
            return call.nullsFirst() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return call.descending() ? -r.o() : r.o();
    }

    private static boolean inFrame(Call call, List<Row> members, int pos, int j, Comparator<Row> order) {
        Row current = members.get(pos);
        Row other = members.get(j);
        if (call.unit() == null) { // default: up to the last peer (all rows without ORDER BY)
            return order.compare(other, current) <= 0;
        }
        double lo = call.start().offset();
        double hi = call.end().offset();
        switch (call.unit()) {
            case "ROWS":
                return j - pos >= lo && j - pos <= hi;
            case "GROUPS": {
                double d = group(members, j, order) - group(members, pos, order);
                return d >= lo && d <= hi;
            }
            default: { // RANGE: CURRENT ROW means the peers, offsets compare the (single) ORDER BY value
                boolean startOk = switch (call.start().kind()) {
                    case 0 -> true;
                    case 2 -> order.compare(other, current) >= 0;
                    default -> rangeStartOk(call, directed(call, other), directed(call, current), lo);
                };
                boolean endOk = switch (call.end().kind()) {
                    case 4 -> true;
                    case 2 -> order.compare(other, current) <= 0;
                    default -> rangeEndOk(call, directed(call, other), directed(call, current), hi);
                };
                return startOk && endOk;
            }
        }
    }

    /** A NULL current row (an infinite value) reaches exactly its NULL peers with an offset. */
    private static boolean rangeStartOk(Call call, double x, double c, double offset) {
        return Double.isInfinite(c) ? x >= c : x >= c + offset;
    }

    private static boolean rangeEndOk(Call call, double x, double c, double offset) {
        return Double.isInfinite(c) ? x <= c : x <= c + offset;
    }

    /** The peer group number of a position: how many times the order value changes before it. */
    private static int group(List<Row> members, int position, Comparator<Row> order) {
        int group = 0;
        for (int i = 1; i <= position; i++) {
            if (order.compare(members.get(i - 1), members.get(i)) != 0) {
                group++;
            }
        }
        return group;
    }

    private static void assertSame(Object expected, Object actual, String message) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, message);
            return;
        }
        if (expected instanceof Double e) {
            assertTrue(actual instanceof Number, message);
            assertEquals(e, ((Number) actual).doubleValue(), 1e-12, message);
            return;
        }
        BigDecimal e = new BigDecimal(expected.toString());
        BigDecimal a = new BigDecimal(actual.toString());
        assertEquals(0, e.compareTo(a), message + ": expected " + expected + " but was " + actual);
    }
}
