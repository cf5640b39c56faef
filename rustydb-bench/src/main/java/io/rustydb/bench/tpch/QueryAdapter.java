package io.rustydb.bench.tpch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a TPC-H query text into what one engine can parse, changing its spelling only, never its meaning. The
 * texts in {@code shared/tpch/queries} are written for PostgreSQL-flavoured SQL (DuckDB, H2, HSQLDB and RustyDB
 * take them as they are); Derby and SQLite lack some of its syntax. Each {@link Rewrite} is applied only to the
 * engines that need it, and the report lists which ones touched which query, so every figure can be traced to the
 * exact text that ran.
 *
 * <p>The rewrites, and who gets them:
 * <ul>
 * <li>{@link Rewrite#DATE_ARITHMETIC} (Derby, SQLite): {@code date '1998-12-01' - interval '90' day (3)} — a date
 *     literal plus or minus an interval literal, as the specification's original texts have it — is computed here
 *     into the date literal it denotes ({@code date '1998-09-02'}): neither engine has interval literals.</li>
 * <li>{@link Rewrite#DATE_LITERAL_AS_CAST} (Derby): {@code date 'x'} becomes {@code CAST('x' AS DATE)}.</li>
 * <li>{@link Rewrite#DATES_AS_TEXT} (SQLite): {@code date 'x'} and {@code CAST('x' AS date)} become {@code 'x'}.
 *     SQLite has no date type: dates are loaded as ISO-8601 text, which compares in date order, while
 *     {@code CAST('x' AS date)} would give the number 1998 (NUMERIC affinity).</li>
 * <li>{@link Rewrite#EXTRACT_YEAR_FUNCTION} (Derby): {@code extract(year FROM e)} becomes {@code YEAR(e)}.</li>
 * <li>{@link Rewrite#EXTRACT_YEAR_STRFTIME} (SQLite): {@code extract(year FROM e)} becomes
 *     {@code CAST(strftime('%Y', e) AS INTEGER)}.</li>
 * <li>{@link Rewrite#SUBSTRING_FUNCTION} (Derby, SQLite): {@code substring(e FROM a FOR b)} becomes
 *     {@code SUBSTR(e, a, b)}.</li>
 * <li>{@link Rewrite#LIMIT_AS_FETCH_FIRST} (Derby): a final {@code LIMIT n} becomes
 *     {@code FETCH FIRST n ROWS ONLY}.</li>
 * <li>{@link Rewrite#INLINE_WITH} (Derby, which has no WITH): {@code WITH name AS (body) main} becomes
 *     {@code main} with every reference to {@code name} replaced by the derived table {@code (body) AS name} — what
 *     the specification's Q15 does with a view. Valid where the CTE is referenced only as a table (Q15: twice).</li>
 * <li>{@link Rewrite#GROUP_BY_ALIAS} (Derby, which groups by columns and expressions only): a select-list alias
 *     of a plain column used in GROUP BY ({@code l_suppkey AS supplier_no ... GROUP BY supplier_no}, Q15) is
 *     replaced there by the column it names.</li>
 * <li>{@link Rewrite#QUOTE_VALUE} (H2, where VALUE is a keyword): the identifier {@code value} (Q11's alias) is
 *     quoted, {@code "value"}.</li>
 * <li>{@link Rewrite#DERIVED_COLUMN_LIST} (SQLite): a derived table's column list,
 *     {@code (SELECT a, count(b) FROM ...) AS t (x, y)}, is moved into its select list as aliases
 *     ({@code SELECT a AS x, count(b) AS y ...) AS t}); SQLite has no column lists on derived tables (Q13).</li>
 * </ul>
 * Every engine also gets the text without its final semicolon (JDBC drivers reject or ignore it differently).
 */
public final class QueryAdapter {
    /** One spelling change, with the text the report shows for it. */
    public enum Rewrite {
        DATE_ARITHMETIC("date ± interval literal computed into a date literal", QueryAdapter::foldDateArithmetic),
        DATE_LITERAL_AS_CAST("date 'x' → CAST('x' AS DATE)", QueryAdapter::dateLiteralAsCast),
        DATES_AS_TEXT("dates as ISO text: date 'x' and CAST('x' AS date) → 'x'", QueryAdapter::datesAsText),
        EXTRACT_YEAR_FUNCTION("extract(year FROM e) → YEAR(e)", sql -> extractYear(sql, "YEAR(%s)")),
        EXTRACT_YEAR_STRFTIME("extract(year FROM e) → CAST(strftime('%Y', e) AS INTEGER)",
                sql -> extractYear(sql, "CAST(strftime('%%Y', %s) AS INTEGER)")),
        SUBSTRING_FUNCTION("substring(e FROM a FOR b) → SUBSTR(e, a, b)", QueryAdapter::substringFunction),
        LIMIT_AS_FETCH_FIRST("LIMIT n → FETCH FIRST n ROWS ONLY", QueryAdapter::limitAsFetchFirst),
        INLINE_WITH("WITH name AS (q) inlined as derived tables", QueryAdapter::inlineWith),
        GROUP_BY_ALIAS("GROUP BY alias → GROUP BY the column it names", QueryAdapter::groupByAlias),
        QUOTE_VALUE("identifier value → \"value\" (a keyword)", QueryAdapter::quoteValue),
        DERIVED_COLUMN_LIST("derived table column list → aliases in its select list", QueryAdapter::derivedColumnList);

        private final String description;
        private final UnaryOperator<String> function;

        Rewrite(String description, UnaryOperator<String> function) {
            this.description = description;
            this.function = function;
        }

        public String description() {
            return description;
        }

        /** {@code sql} rewritten; the same string when the rewrite does not apply. */
        public String apply(String sql) {
            return function.apply(sql);
        }
    }

    /** A query text as one engine gets it, and the rewrites that changed it (empty: the original text). */
    public record Adapted(String sql, List<Rewrite> rewrites) {
        public Adapted {
            rewrites = List.copyOf(rewrites);
        }
    }

    /** The rewrites each engine gets, in the order they are applied (date arithmetic before literals). */
    private static final Map<String, List<Rewrite>> BY_ENGINE = Map.of(
            "derby", List.of(Rewrite.DATE_ARITHMETIC, Rewrite.DATE_LITERAL_AS_CAST, Rewrite.EXTRACT_YEAR_FUNCTION,
                    Rewrite.SUBSTRING_FUNCTION, Rewrite.LIMIT_AS_FETCH_FIRST, Rewrite.INLINE_WITH,
                    Rewrite.GROUP_BY_ALIAS),
            "h2", List.of(Rewrite.QUOTE_VALUE),
            "sqlite", List.of(Rewrite.DATE_ARITHMETIC, Rewrite.DATES_AS_TEXT, Rewrite.EXTRACT_YEAR_STRFTIME,
                    Rewrite.SUBSTRING_FUNCTION, Rewrite.DERIVED_COLUMN_LIST));

    private static final Pattern DATE_LITERAL = Pattern.compile("(?i)\\bdate\\s+'(\\d{4}-\\d{2}-\\d{2})'");
    private static final Pattern CAST_DATE = Pattern.compile("(?i)\\bcast\\s*\\(\\s*'(\\d{4}-\\d{2}-\\d{2})'\\s+as\\s+date\\s*\\)");
    private static final Pattern DATE_PLUS_INTERVAL = Pattern.compile("(?i)\\bdate\\s+'(\\d{4}-\\d{2}-\\d{2})'\\s*([+-])"
            + "\\s*interval\\s+'(\\d+)'\\s*(day|month|year)s?(\\s*\\(\\s*\\d+\\s*\\))?");
    private static final Pattern EXTRACT_YEAR = Pattern.compile("(?i)\\bextract\\s*\\(\\s*year\\s+from\\s+([^()]+?)\\s*\\)");
    private static final Pattern SUBSTRING = Pattern.compile(
            "(?i)\\bsubstring\\s*\\(\\s*([^()]+?)\\s+from\\s+(\\d+)\\s+for\\s+(\\d+)\\s*\\)");
    private static final Pattern FINAL_LIMIT = Pattern.compile("(?i)\\blimit\\s+(\\d+)\\s*$");
    private static final Pattern SIMPLE_ALIAS = Pattern.compile("(?i)(?<![\\w.])(\\w+(?:\\.\\w+)?)\\s+as\\s+(\\w+)\\b(?!\\s*\\()");
    private static final Pattern GROUP_BY_LIST = Pattern.compile("(?i)(\\bgroup\\s+by\\s+)(\\w+(?:\\.\\w+)?(?:\\s*,\\s*\\w+(?:\\.\\w+)?)*)");
    private static final Pattern WITH_HEAD = Pattern.compile("(?i)^\\s*with\\s+(\\w+)\\s+as\\s*\\(");
    private static final Pattern COLUMN_LIST = Pattern.compile("(?i)\\)\\s*as\\s+(\\w+)\\s*\\(\\s*(\\w+(?:\\s*,\\s*\\w+)*)\\s*\\)");

    private QueryAdapter() {
    }

    /** The rewrites engine {@code engineId} gets (empty for engines that take the texts as they are). */
    public static List<Rewrite> rewritesFor(String engineId) {
        return BY_ENGINE.getOrDefault(engineId, List.of());
    }

    /** {@code sql} as engine {@code engineId} gets it. */
    public static Adapted adapt(String engineId, String sql) {
        String text = withoutFinalSemicolon(sql);
        List<Rewrite> applied = new ArrayList<>();
        for (Rewrite r : rewritesFor(engineId)) {
            String next = r.apply(text);
            if (!next.equals(text)) {
                applied.add(r);
                text = next;
            }
        }
        return new Adapted(text, applied);
    }

    static String withoutFinalSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String foldDateArithmetic(String sql) {
        return DATE_PLUS_INTERVAL.matcher(sql).replaceAll(m -> {
            LocalDate date = LocalDate.parse(m.group(1));
            long n = Long.parseLong(m.group(3)) * (m.group(2).equals("-") ? -1 : 1);
            LocalDate result = switch (m.group(4).toLowerCase(Locale.ROOT)) {
                case "day" -> date.plusDays(n);
                case "month" -> date.plusMonths(n);
                default -> date.plusYears(n);
            };
            return "date '" + result + "'";
        });
    }

    private static String dateLiteralAsCast(String sql) {
        return DATE_LITERAL.matcher(sql).replaceAll("CAST('$1' AS DATE)");
    }

    private static String datesAsText(String sql) {
        return DATE_LITERAL.matcher(CAST_DATE.matcher(sql).replaceAll("'$1'")).replaceAll("'$1'");
    }

    private static String extractYear(String sql, String format) {
        return EXTRACT_YEAR.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(String.format(format, m.group(1))));
    }

    private static String substringFunction(String sql) {
        return SUBSTRING.matcher(sql).replaceAll("SUBSTR($1, $2, $3)");
    }

    private static String limitAsFetchFirst(String sql) {
        return FINAL_LIMIT.matcher(sql).replaceAll("FETCH FIRST $1 ROWS ONLY");
    }

    /** {@code WITH a AS (qa), b AS (qb) main} → main with {@code a} and {@code b} replaced by derived tables. */
    private static String inlineWith(String sql) {
        Matcher head = WITH_HEAD.matcher(sql);
        if (!head.find()) {
            return sql;
        }
        List<String[]> ctes = new ArrayList<>();
        String name = head.group(1);
        int open = head.end() - 1;
        while (true) {
            int close = matchingParen(sql, open);
            ctes.add(new String[] {name, sql.substring(open + 1, close).strip()});
            Matcher next = Pattern.compile("(?i)^\\s*,\\s*(\\w+)\\s+as\\s*\\(").matcher(sql.substring(close + 1));
            if (!next.find()) {
                String main = sql.substring(close + 1).strip();
                for (String[] cte : ctes) {
                    String derived = "(" + cte[1] + ") AS " + cte[0];
                    main = Pattern.compile("(?i)(?<![\\w.])" + Pattern.quote(cte[0]) + "(?![\\w.(])").matcher(main)
                            .replaceAll(Matcher.quoteReplacement(derived));
                }
                return main;
            }
            name = next.group(1);
            open = close + 1 + next.end() - 1;
        }
    }

    /**
     * {@code SELECT col AS a ... GROUP BY a} → {@code ... GROUP BY col}, for aliases of plain columns made in the same
     * query block as the GROUP BY (same parenthesis level, after the block's opening parenthesis).
     */
    private static String groupByAlias(String sql) {
        int[] depth = new int[sql.length() + 1];
        for (int i = 0, d = 0; i < sql.length(); i++) {
            depth[i] = sql.charAt(i) == ')' ? --d : d;
            if (sql.charAt(i) == '(') {
                d++;
            }
        }
        StringBuilder out = new StringBuilder();
        int done = 0;
        Matcher m = GROUP_BY_LIST.matcher(sql);
        while (m.find()) {
            int d = depth[m.start()];
            int blockStart = m.start();
            while (blockStart > 0 && depth[blockStart - 1] >= d) {
                blockStart--;
            }
            Map<String, String> aliases = new java.util.HashMap<>();
            Matcher a = SIMPLE_ALIAS.matcher(sql).region(blockStart, m.start());
            while (a.find()) {
                if (depth[a.start()] == d) {
                    aliases.put(a.group(2).toLowerCase(Locale.ROOT), a.group(1));
                }
            }
            StringBuilder list = new StringBuilder();
            for (String item : m.group(2).split(",", -1)) {
                String col = aliases.get(item.strip().toLowerCase(Locale.ROOT));
                list.append(list.length() == 0 ? "" : ",").append(col == null ? item : item.replace(item.strip(), col));
            }
            out.append(sql, done, m.start(2)).append(list);
            done = m.end();
        }
        return out.append(sql.substring(done)).toString();
    }

    private static String quoteValue(String sql) {
        return Pattern.compile("(?i)(?<![\\w\"'])value(?![\\w\"'])").matcher(sql).replaceAll("\"value\"");
    }

    /** {@code (SELECT e1, e2 FROM ...) AS t (c1, c2)} → {@code (SELECT e1 AS c1, e2 AS c2 FROM ...) AS t}. */
    private static String derivedColumnList(String sql) {
        Matcher m = COLUMN_LIST.matcher(sql);
        StringBuilder out = new StringBuilder();
        int done = 0;
        while (m.find()) {
            int close = m.start();
            int open = openingParen(sql, close);
            String inner = sql.substring(open + 1, close);
            String[] names = m.group(2).split("\\s*,\\s*");
            String aliased = aliasSelectList(inner, names);
            if (aliased == null) {
                continue; // not a derived table of this shape: leave it alone
            }
            out.append(sql, done, open + 1).append(aliased).append(") AS ").append(m.group(1));
            done = m.end();
        }
        return out.append(sql.substring(done)).toString();
    }

    /** {@code select} with its top-level select items aliased {@code names}, or null if the counts differ. */
    private static String aliasSelectList(String select, String[] names) {
        Matcher sel = Pattern.compile("(?i)^\\s*select\\s+").matcher(select);
        if (!sel.find()) {
            return null;
        }
        int from = topLevelKeyword(select, sel.end(), "from");
        if (from < 0) {
            return null;
        }
        List<String> items = splitTopLevel(select.substring(sel.end(), from));
        if (items.size() != names.length) {
            return null;
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).strip().replaceFirst("(?i)\\s+as\\s+\\w+$", "");
            list.append(i == 0 ? "" : ", ").append(item).append(" AS ").append(names[i]);
        }
        return select.substring(0, sel.end()) + list + " " + select.substring(from);
    }

    /** Index of {@code keyword} (a whole word) outside parentheses in {@code s} from {@code start}, or -1. */
    private static int topLevelKeyword(String s, int start, String keyword) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && s.regionMatches(true, i, keyword, 0, keyword.length())
                    && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '_')
                    && (i + keyword.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + keyword.length()))
                            && s.charAt(i + keyword.length()) != '_')) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(list.substring(start, i));
                start = i + 1;
            }
        }
        items.add(list.substring(start));
        return items;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in: " + s);
    }

    private static int openingParen(String s, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (s.charAt(i) == ')') {
                depth++;
            } else if (s.charAt(i) == '(' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in: " + s);
    }
}
