package io.rustydb.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.bench.tpch.QueryAdapter.Rewrite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rewrite of {@link QueryAdapter} on its own, who gets which, and the shared query texts where present. */
class QueryAdapterTest {
    @Test
    void dateArithmeticIsComputed() {
        assertEquals("l_shipdate <= date '1998-09-02'",
                Rewrite.DATE_ARITHMETIC.apply("l_shipdate <= date '1998-12-01' - interval '90' day (3)"));
        assertEquals("o_orderdate < date '1993-10-01'",
                Rewrite.DATE_ARITHMETIC.apply("o_orderdate < date '1993-07-01' + interval '3' month"));
        assertEquals("x < DATE '1995-01-01'".toLowerCase(),
                Rewrite.DATE_ARITHMETIC.apply("x < DATE '1994-01-01' + INTERVAL '1' YEAR").toLowerCase());
        assertEquals("no dates here", Rewrite.DATE_ARITHMETIC.apply("no dates here"));
    }

    @Test
    void dateLiteralsBecomeCastsOrText() {
        assertEquals("l_shipdate >= CAST('1995-09-01' AS DATE)",
                Rewrite.DATE_LITERAL_AS_CAST.apply("l_shipdate >= date '1995-09-01'"));
        assertEquals("a >= '1995-09-01' AND b < '1995-10-01'",
                Rewrite.DATES_AS_TEXT.apply("a >= date '1995-09-01' AND b < CAST('1995-10-01' AS date)"));
        // a column named like the keyword is left alone
        assertEquals("SELECT update_date FROM t", Rewrite.DATES_AS_TEXT.apply("SELECT update_date FROM t"));
    }

    @Test
    void extractYear() {
        assertEquals("YEAR(l_shipdate) AS l_year",
                Rewrite.EXTRACT_YEAR_FUNCTION.apply("extract(year FROM l_shipdate) AS l_year"));
        assertEquals("CAST(strftime('%Y', o_orderdate) AS INTEGER) AS o_year",
                Rewrite.EXTRACT_YEAR_STRFTIME.apply("EXTRACT(YEAR FROM o_orderdate) AS o_year"));
    }

    @Test
    void substringFunction() {
        assertEquals("SUBSTR(c_phone, 1, 2) IN ('13')",
                Rewrite.SUBSTRING_FUNCTION.apply("substring(c_phone FROM 1 FOR 2) IN ('13')"));
    }

    @Test
    void finalLimitOnly() {
        assertEquals("SELECT a FROM t ORDER BY a FETCH FIRST 10 ROWS ONLY",
                Rewrite.LIMIT_AS_FETCH_FIRST.apply("SELECT a FROM t ORDER BY a LIMIT 10"));
        assertEquals("SELECT limit_x FROM t", Rewrite.LIMIT_AS_FETCH_FIRST.apply("SELECT limit_x FROM t"));
    }

    @Test
    void withIsInlinedAsDerivedTables() {
        String sql = """
                WITH revenue AS (SELECT l_suppkey AS supplier_no, sum(x) AS total_revenue FROM lineitem GROUP BY l_suppkey)
                SELECT s_suppkey, total_revenue FROM supplier, revenue
                WHERE s_suppkey = supplier_no AND total_revenue = (SELECT max(total_revenue) FROM revenue)""";
        String body = "(SELECT l_suppkey AS supplier_no, sum(x) AS total_revenue FROM lineitem GROUP BY l_suppkey)";
        assertEquals("SELECT s_suppkey, total_revenue FROM supplier, " + body + " AS revenue\n"
                + "WHERE s_suppkey = supplier_no AND total_revenue = (SELECT max(total_revenue) FROM " + body
                + " AS revenue)", Rewrite.INLINE_WITH.apply(sql));
        assertEquals("SELECT * FROM (SELECT 1 AS x) AS a, (SELECT 2 AS y) AS b",
                Rewrite.INLINE_WITH.apply("WITH a AS (SELECT 1 AS x), b AS (SELECT 2 AS y) SELECT * FROM a, b"));
        assertEquals("SELECT 1", Rewrite.INLINE_WITH.apply("SELECT 1"));
    }

    @Test
    void groupByAliasOfTheSameBlockOnly() {
        assertEquals("SELECT l_suppkey AS supplier_no, sum(x) FROM l GROUP BY l_suppkey",
                Rewrite.GROUP_BY_ALIAS.apply("SELECT l_suppkey AS supplier_no, sum(x) FROM l GROUP BY supplier_no"));
        // Q7's shape: the outer GROUP BY names the derived table's columns, which must stay as they are
        String q7 = "SELECT supp_nation, sum(v) FROM (SELECT n1.n_name AS supp_nation, v FROM n n1) AS shipping"
                + " GROUP BY supp_nation";
        assertEquals(q7, Rewrite.GROUP_BY_ALIAS.apply(q7));
        assertEquals("SELECT a FROM (SELECT t.c AS a FROM t GROUP BY t.c, d) AS s",
                Rewrite.GROUP_BY_ALIAS.apply("SELECT a FROM (SELECT t.c AS a FROM t GROUP BY a, d) AS s"));
    }

    @Test
    void valueIsQuoted() {
        assertEquals("SELECT sum(x) AS \"value\" FROM t ORDER BY \"value\" DESC",
                Rewrite.QUOTE_VALUE.apply("SELECT sum(x) AS value FROM t ORDER BY value DESC"));
        assertEquals("SELECT total_value, 'value' FROM t", Rewrite.QUOTE_VALUE.apply("SELECT total_value, 'value' FROM t"));
    }

    @Test
    void derivedColumnListBecomesAliases() {
        assertEquals("SELECT c_count FROM (SELECT c_custkey AS c_custkey, count(o_orderkey) AS c_count FROM customer"
                + " GROUP BY c_custkey) AS c_orders GROUP BY c_count",
                Rewrite.DERIVED_COLUMN_LIST.apply("SELECT c_count FROM (SELECT c_custkey, count(o_orderkey) FROM customer"
                        + " GROUP BY c_custkey) AS c_orders (c_custkey, c_count) GROUP BY c_count"));
        // an existing alias is replaced; a list of the wrong length is left alone
        assertEquals("SELECT * FROM (SELECT a AS x FROM t) AS s",
                Rewrite.DERIVED_COLUMN_LIST.apply("SELECT * FROM (SELECT a AS b FROM t) AS s (x)"));
        String mismatch = "SELECT * FROM (SELECT a, b FROM t) AS s (x)";
        assertEquals(mismatch, Rewrite.DERIVED_COLUMN_LIST.apply(mismatch));
    }

    @Test
    void whoGetsWhat() {
        QueryAdapter.Adapted duck = QueryAdapter.adapt("duckdb", "SELECT date '1995-01-01' LIMIT 1;\n");
        assertEquals("SELECT date '1995-01-01' LIMIT 1", duck.sql());
        assertTrue(duck.rewrites().isEmpty());
        QueryAdapter.Adapted derby = QueryAdapter.adapt("derby", "SELECT a FROM t WHERE d < date '1995-01-01' LIMIT 5;");
        assertEquals("SELECT a FROM t WHERE d < CAST('1995-01-01' AS DATE) FETCH FIRST 5 ROWS ONLY", derby.sql());
        assertEquals(List.of(Rewrite.DATE_LITERAL_AS_CAST, Rewrite.LIMIT_AS_FETCH_FIRST), derby.rewrites());
        QueryAdapter.Adapted sqlite = QueryAdapter.adapt("sqlite",
                "SELECT extract(year FROM d) FROM t WHERE d < date '1995-01-01' - interval '1' day");
        assertEquals("SELECT CAST(strftime('%Y', d) AS INTEGER) FROM t WHERE d < '1994-12-31'", sqlite.sql());
        assertTrue(QueryAdapter.rewritesFor("rustydb").isEmpty());
    }

    /** The real texts, where the shared corpus is present: every rewrite an engine gets changes something. */
    @Test
    void sharedQueriesNeedTheirRewrites() throws IOException {
        Optional<TpchFiles> files = TpchFiles.locate(null, Path.of(""));
        if (files.isEmpty()) {
            return; // corpus absent: covered by the tests above
        }
        String q15 = QueryAdapter.adapt("derby", files.get().query(15)).sql();
        assertFalse(q15.toUpperCase().contains("WITH"), q15);
        assertTrue(q15.contains("GROUP BY\n        l_suppkey") || q15.matches("(?s).*GROUP BY\\s+l_suppkey.*"), q15);
        String q13 = QueryAdapter.adapt("sqlite", files.get().query(13)).sql();
        assertTrue(q13.contains("count(o_orderkey) AS c_count"), q13);
        String q7 = QueryAdapter.adapt("derby", files.get().query(7)).sql();
        assertTrue(q7.matches("(?s).*GROUP BY\\s+supp_nation,.*"), q7);
    }
}
