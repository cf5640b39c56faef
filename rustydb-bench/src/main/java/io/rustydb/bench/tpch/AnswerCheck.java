package io.rustydb.bench.tpch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether each engine answered a query correctly, because a fast wrong answer is no result. Two checks:
 * <ul>
 * <li>against an <b>expected answer</b> (the files of {@code shared/tpch/answers-sf0.01}, scale factor 0.01): the
 *     same row count, and every value equal, numbers within 1e-6 relative or 0.01 absolute; rows in order where the
 *     query has a top-level ORDER BY, else compared as sorted lists;</li>
 * <li>without one (other scale factors), <b>against the other engines</b>: each answer is reduced to a
 *     {@link Fingerprint} (row count, per column the sum of its numeric values and an order-independent hash of its
 *     other values); engines whose fingerprints agree form a group, and the largest group — if it has at least two
 *     engines and no other group is as large — is taken as right. Everyone outside it is flagged; with no such
 *     group nobody can be trusted and all are flagged as disagreeing.</li>
 * </ul>
 */
public final class AnswerCheck {
    private AnswerCheck() {
    }

    /**
     * Row count plus, per column, the sum of the values that are numbers and an order-independent hash of the
     * others (trimmed text, dates, NULL as empty). Row order is not part of it.
     */
    public record Fingerprint(int rows, double[] numericSums, long[] textHashes) {
        static Fingerprint of(Answer a) {
            int columns = a.rows().isEmpty() ? 0 : a.rows().get(0).size();
            double[] sums = new double[columns];
            long[] hashes = new long[columns];
            for (List<String> row : a.rows()) {
                for (int c = 0; c < Math.min(columns, row.size()); c++) {
                    String v = row.get(c);
                    if (Answer.isNumber(v)) {
                        sums[c] += Double.parseDouble(v);
                    } else {
                        hashes[c] += mix(v.hashCode());
                    }
                }
            }
            return new Fingerprint(a.rowCount(), sums, hashes);
        }

        /** Same row count and hashes, and sums within the tolerance of every row's value being off by 0.01. */
        boolean agrees(Fingerprint o) {
            if (rows != o.rows || numericSums.length != o.numericSums.length) {
                return false;
            }
            for (int c = 0; c < numericSums.length; c++) {
                if (textHashes[c] != o.textHashes[c]
                        || !Answer.close(numericSums[c], o.numericSums[c], Answer.ABSOLUTE * Math.max(1, rows))) {
                    return false;
                }
            }
            return true;
        }

        private static long mix(long h) {
            h *= 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }

    /**
     * Null when {@code actual} matches {@code expected}, else the first difference.
     *
     * @param ordered whether row order must match (the query has a top-level ORDER BY)
     */
    public static String mismatch(Answer expected, Answer actual, boolean ordered) {
        if (expected.rowCount() != actual.rowCount()) {
            return "expected " + expected.rowCount() + " rows but got " + actual.rowCount();
        }
        List<List<String>> e = ordered ? expected.rows() : sorted(expected.rows());
        List<List<String>> a = ordered ? actual.rows() : sorted(actual.rows());
        for (int r = 0; r < e.size(); r++) {
            if (e.get(r).size() != a.get(r).size()) {
                return "expected " + e.get(r).size() + " columns but got " + a.get(r).size();
            }
            for (int c = 0; c < e.get(r).size(); c++) {
                if (!Answer.sameValue(e.get(r).get(c), a.get(r).get(c))) {
                    return "row " + (r + 1) + " column " + (c + 1) + ": expected '" + e.get(r).get(c) + "' but got '"
                            + a.get(r).get(c) + "'";
                }
            }
        }
        return null;
    }

    /**
     * The engines (keys of {@code answers}) whose answer is not the majority's, each with the reason; empty when all
     * agree. Engines are compared by {@link Fingerprint}.
     */
    public static Map<String, String> disagreements(Map<String, Answer> answers) {
        List<List<String>> groups = new ArrayList<>();
        List<Fingerprint> prints = new ArrayList<>();
        for (Map.Entry<String, Answer> e : answers.entrySet()) {
            Fingerprint f = Fingerprint.of(e.getValue());
            int g = 0;
            while (g < prints.size() && !prints.get(g).agrees(f)) {
                g++;
            }
            if (g == prints.size()) {
                prints.add(f);
                groups.add(new ArrayList<>());
            }
            groups.get(g).add(e.getKey());
        }
        Map<String, String> wrong = new LinkedHashMap<>();
        if (groups.size() <= 1) {
            return wrong;
        }
        int largest = groups.stream().mapToInt(List::size).max().orElse(0);
        long ofThatSize = groups.stream().filter(g -> g.size() == largest).count();
        if (largest < 2 || ofThatSize > 1) {
            for (int g = 0; g < groups.size(); g++) {
                for (String engine : groups.get(g)) {
                    wrong.put(engine, "no majority answer among the engines (" + prints.get(g).rows()
                            + " rows here; groups " + groups + ")");
                }
            }
            return wrong;
        }
        int majority = groups.indexOf(groups.stream().filter(g -> g.size() == largest).findFirst().orElseThrow());
        for (int g = 0; g < groups.size(); g++) {
            if (g != majority) {
                for (String engine : groups.get(g)) {
                    wrong.put(engine, "differs from " + String.join(", ", groups.get(majority)) + " ("
                            + prints.get(g).rows() + " rows against " + prints.get(majority).rows()
                            + (prints.get(g).rows() == prints.get(majority).rows() ? ", checksums differ)" : ")"));
                }
            }
        }
        return wrong;
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(r -> String.join("|", r)));
        return copy;
    }

    /** Whether {@code sql} sorts its final result: an ORDER BY outside every parenthesis. */
    public static boolean hasTopLevelOrderBy(String sql) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0) {
                outside.append(Character.isWhitespace(ch) ? ' ' : Character.toUpperCase(ch));
            }
        }
        return outside.toString().replaceAll(" +", " ").contains("ORDER BY");
    }
}
