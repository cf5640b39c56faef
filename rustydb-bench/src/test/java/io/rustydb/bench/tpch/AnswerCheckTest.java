package io.rustydb.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The result checker: expected-answer comparison and the majority vote among engines. */
class AnswerCheckTest {
    private static Answer answer(Object[]... rows) {
        return Answer.of(Arrays.asList(rows));
    }

    @Test
    void engineTypesRenderAlike() {
        // H2 java.sql.Date, DuckDB LocalDate, SQLite text; Derby BigDecimal, SQLite Double; CHAR padding
        Answer a = answer(new Object[] {java.sql.Date.valueOf("1995-03-11"), new BigDecimal("267010.5894"), "BUILDING  "});
        Answer b = answer(new Object[] {LocalDate.parse("1995-03-11"), 267010.58940000003, "BUILDING"});
        Answer c = answer(new Object[] {"1995-03-11", 267010.5894, "BUILDING"});
        assertNull(AnswerCheck.mismatch(a, b, true));
        assertNull(AnswerCheck.mismatch(a, c, true));
        assertTrue(AnswerCheck.disagreements(Map.of("h2", a, "duckdb", b, "sqlite", c)).isEmpty());
    }

    @Test
    void expectedAnswerComparison() {
        Answer expected = new Answer(List.of(List.of("A", "25.57515461145469"), List.of("N", "14876")));
        assertNull(AnswerCheck.mismatch(expected, answer(new Object[] {"A", new BigDecimal("25.57")},
                new Object[] {"N", 14876L}), true)); // Derby's AVG at scale 2: within 0.01
        assertEquals("row 1 column 2: expected '25.57515461145469' but got '25.6'", AnswerCheck.mismatch(expected,
                answer(new Object[] {"A", 25.6}, new Object[] {"N", 14876}), true));
        assertEquals("expected 2 rows but got 0", AnswerCheck.mismatch(expected, answer(), true));
        Answer swapped = answer(new Object[] {"N", 14876}, new Object[] {"A", 25.57515461145469});
        assertTrue(AnswerCheck.mismatch(expected, swapped, true).startsWith("row 1 column 1"));
        assertNull(AnswerCheck.mismatch(expected, swapped, false)); // no ORDER BY: compared as sorted lists
        assertEquals("row 1 column 1: expected 'A' but got 'B'", AnswerCheck.mismatch(expected,
                answer(new Object[] {"B", 25.575}, new Object[] {"N", 14876}), true));
        // NULL (Q17 at SF 0.01) is the empty string, as in the answer files
        assertNull(AnswerCheck.mismatch(new Answer(List.of(List.of(""))), answer(new Object[] {null}), true));
    }

    @Test
    void majorityFlagsTheOddOneOut() {
        Answer right = answer(new Object[] {"FRANCE", 1995L, new BigDecimal("268068.5774")});
        Answer rounded = answer(new Object[] {"FRANCE", 1995, 268068.57740001});
        Answer wrongSum = answer(new Object[] {"FRANCE", 1995L, new BigDecimal("268068.9774")});
        Answer wrongText = answer(new Object[] {"GERMANY", 1995L, new BigDecimal("268068.5774")});
        Answer empty = answer();
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("rustydb", wrongSum);
        answers.put("h2", right);
        answers.put("sqlite", rounded);
        answers.put("duckdb", right);
        answers.put("derby", wrongText);
        answers.put("hsqldb", empty);
        Map<String, String> wrong = AnswerCheck.disagreements(answers);
        assertEquals(List.of("rustydb", "derby", "hsqldb"), new ArrayList<>(wrong.keySet()));
        assertTrue(wrong.get("rustydb").contains("checksums differ"), wrong.get("rustydb"));
        assertTrue(wrong.get("hsqldb").contains("0 rows against 1"), wrong.get("hsqldb"));
    }

    @Test
    void noMajorityFlagsEveryone() {
        Answer a = answer(new Object[] {1});
        Answer b = answer(new Object[] {2});
        assertEquals(2, AnswerCheck.disagreements(Map.of("x", a, "y", b)).size());
        Map<String, Answer> tie = new LinkedHashMap<>();
        tie.put("p", a);
        tie.put("q", a);
        tie.put("r", b);
        tie.put("s", b);
        assertEquals(4, AnswerCheck.disagreements(tie).size());
        assertTrue(AnswerCheck.disagreements(Map.of("only", a)).isEmpty());
    }

    /** Fingerprints ignore row order and agree under per-value rounding below 0.01, for random answers. */
    @Test
    void fingerprintsAreOrderFreeAndTolerant() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> noisy = new ArrayList<>();
            int n = 1 + random.nextInt(50);
            for (int r = 0; r < n; r++) {
                long cents = random.nextLong(1, 100_000_000L);
                String name = "Supplier#" + random.nextInt(1000);
                rows.add(new Object[] {name, BigDecimal.valueOf(cents, 2)});
                noisy.add(new Object[] {name + "   ", cents / 100.0 + (random.nextDouble() - 0.5) * 0.009});
            }
            java.util.Collections.shuffle(noisy, random);
            Map<String, Answer> answers = new LinkedHashMap<>();
            answers.put("a", Answer.of(rows));
            answers.put("b", Answer.of(noisy));
            assertTrue(AnswerCheck.disagreements(answers).isEmpty(), "seed " + seed + " trial " + trial);
            // one value changed by more than the tolerance (0.01 per row, 1e-6 relative) allows
            List<Object[]> off = new ArrayList<>(rows);
            Object[] first = off.get(0).clone();
            first[1] = ((BigDecimal) first[1]).add(BigDecimal.valueOf(1000));
            off.set(0, first);
            answers.put("c", Answer.of(off));
            assertEquals(List.of("c"), new ArrayList<>(AnswerCheck.disagreements(answers).keySet()),
                    "seed " + seed + " trial " + trial);
        }
    }

    @Test
    void topLevelOrderBy() {
        assertTrue(AnswerCheck.hasTopLevelOrderBy("SELECT a FROM t ORDER BY a"));
        assertTrue(!AnswerCheck.hasTopLevelOrderBy("SELECT (SELECT a FROM t ORDER BY a LIMIT 1)"));
    }
}
