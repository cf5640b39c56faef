package io.rustydb.jdbc.slt;

import io.rustydb.jdbc.slt.SltRecord.Condition;
import io.rustydb.jdbc.slt.SltRecord.Control;
import io.rustydb.jdbc.slt.SltRecord.ControlKind;
import io.rustydb.jdbc.slt.SltRecord.Expect;
import io.rustydb.jdbc.slt.SltRecord.Query;
import io.rustydb.jdbc.slt.SltRecord.SortMode;
import io.rustydb.jdbc.slt.SltRecord.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a sqllogictest script (SQLite's format, FORMAT.wiki, or DuckDB's variant) into {@link SltRecord}s.
 *
 * <p>Lines end in LF or CRLF. Records are separated by blank lines; lines starting with {@code #} are comments and
 * are dropped wherever they are (they do not separate records). A single-line directive followed directly by a
 * record ({@code loop i 0 3} then {@code statement ok} without a blank line) is split off. DuckDB's
 * {@code loop var from to} / {@code foreach var v1 v2 ...} ... {@code endloop} blocks are expanded here, with
 * {@code ${var}} substituted in every line of the body, so the runner never sees a loop.
 *
 * <p>Never throws on unknown directives (they become {@link ControlKind#UNSUPPORTED} records, which the runner
 * counts as skips); throws {@link IllegalArgumentException} only on a malformed script (a loop without
 * {@code endloop}, a record header without its arguments).
 */
final class SltParser {
    /** DuckDB's type groups usable in {@code foreach}. */
    private static final Map<String, List<String>> TYPE_GROUPS = Map.of(
            "<signed>", List.of("tinyint", "smallint", "integer", "bigint", "hugeint"),
            "<unsigned>", List.of("utinyint", "usmallint", "uinteger", "ubigint", "uhugeint"),
            "<integral>", List.of("tinyint", "smallint", "integer", "bigint", "hugeint",
                    "utinyint", "usmallint", "uinteger", "ubigint", "uhugeint"),
            "<numeric>", List.of("tinyint", "smallint", "integer", "bigint", "hugeint",
                    "utinyint", "usmallint", "uinteger", "ubigint", "uhugeint", "float", "double"));

    private static final List<String> LOOP_STARTS = List.of("loop", "foreach", "concurrentloop", "concurrentforeach");

    /** A run of non-blank, non-comment lines; {@code lines} keep their file line numbers. */
    private record Block(List<Integer> lineNumbers, List<String> lines) {
        String first() {
            return lines.get(0);
        }

        Block substitute(String variable, String value) {
            String token = "${" + variable + "}";
            List<String> replaced = new ArrayList<>(lines.size());
            for (String l : lines) {
                replaced.add(l.replace(token, value));
            }
            return new Block(lineNumbers, replaced);
        }
    }

    private SltParser() {
    }

    static List<SltRecord> parse(Path file) throws IOException {
        // Malformed UTF-8 is replaced, never fatal: the SQLite corpus is ASCII, DuckDB's is UTF-8.
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    static List<SltRecord> parse(String script) {
        List<Block> blocks = expandLoops(splitBlocks(script), 0, null).blocks;
        List<SltRecord> records = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            records.add(toRecord(b));
        }
        return records;
    }

    private static List<Block> splitBlocks(String script) {
        String[] raw = script.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                flush(blocks, numbers, lines);
                numbers = new ArrayList<>();
                lines = new ArrayList<>();
            } else if (!line.startsWith("#")) {
                numbers.add(i + 1);
                lines.add(line);
            }
        }
        flush(blocks, numbers, lines);
        return blocks;
    }

    private static void flush(List<Block> blocks, List<Integer> numbers, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        // A one-line directive glued to the next record is its own block.
        int start = 0;
        while (start < lines.size() - 1 && isSingleLineDirective(lines.get(start))) {
            blocks.add(new Block(List.of(numbers.get(start)), List.of(lines.get(start))));
            start++;
        }
        blocks.add(new Block(numbers.subList(start, numbers.size()), lines.subList(start, lines.size())));
    }

    private static boolean isSingleLineDirective(String line) {
        String head = tokens(line).length == 0 ? "" : tokens(line)[0].toLowerCase(Locale.ROOT);
        return LOOP_STARTS.contains(head) || switch (head) {
            case "endloop", "halt", "hash-threshold", "restart", "reconnect", "require", "load", "mode" -> true;
            default -> false;
        };
    }

    private record Expansion(List<Block> blocks, int next) {
    }

    /** Expands the loops in {@code in} from {@code from}; stops after the {@code endloop} closing {@code opener}. */
    private static Expansion expandLoops(List<Block> in, int from, Block opener) {
        List<Block> out = new ArrayList<>();
        int i = from;
        while (i < in.size()) {
            Block b = in.get(i);
            String[] t = tokens(b.first());
            String head = t.length == 0 ? "" : t[0].toLowerCase(Locale.ROOT);
            if (head.equals("endloop")) {
                if (opener == null) {
                    throw new IllegalArgumentException("endloop without loop at line " + b.lineNumbers.get(0));
                }
                return new Expansion(out, i + 1);
            }
            if (LOOP_STARTS.contains(head) && b.lines.size() == 1) {
                Expansion body = expandLoops(in, i + 1, b);
                String variable = t[1];
                for (String value : loopValues(t, b.lineNumbers.get(0))) {
                    for (Block inner : body.blocks) {
                        out.add(inner.substitute(variable, value));
                    }
                }
                i = body.next;
                continue;
            }
            out.add(b);
            i++;
        }
        if (opener != null) {
            throw new IllegalArgumentException("loop without endloop at line " + opener.lineNumbers.get(0));
        }
        return new Expansion(out, i);
    }

    private static List<String> loopValues(String[] t, int line) {
        if (t.length < 3) {
            throw new IllegalArgumentException("malformed loop at line " + line);
        }
        List<String> values = new ArrayList<>();
        if (t[0].toLowerCase(Locale.ROOT).endsWith("loop")) {
            if (t.length < 4) {
                throw new IllegalArgumentException("malformed loop at line " + line);
            }
            long fromValue = Long.parseLong(t[2]);
            long toValue = Long.parseLong(t[3]);
            for (long v = fromValue; v < toValue; v++) {
                values.add(Long.toString(v));
            }
        } else {
            for (String v : Arrays.asList(t).subList(2, t.length)) {
                values.addAll(TYPE_GROUPS.getOrDefault(v, List.of(v)));
            }
        }
        return values;
    }

    private static SltRecord toRecord(Block b) {
        List<Condition> conditions = new ArrayList<>();
        int i = 0;
        while (i < b.lines.size()) {
            String[] t = tokens(b.lines.get(i));
            String head = t.length == 0 ? "" : t[0].toLowerCase(Locale.ROOT);
            if ((head.equals("skipif") || head.equals("onlyif")) && t.length >= 2) {
                conditions.add(new Condition(head.equals("onlyif"), t[1]));
                i++;
            } else {
                break;
            }
        }
        if (i == b.lines.size()) {
            return new Control(b.lineNumbers.get(0), conditions, ControlKind.UNSUPPORTED, "conditions without a record");
        }
        int line = b.lineNumbers.get(i);
        String[] t = tokens(b.lines.get(i));
        String head = t[0].toLowerCase(Locale.ROOT);
        List<String> rest = b.lines.subList(i + 1, b.lines.size());
        switch (head) {
            case "statement": {
                Expect expect = t.length < 2 ? null : switch (t[1].toLowerCase(Locale.ROOT)) {
                    case "ok" -> Expect.OK;
                    case "error" -> Expect.ERROR;
                    case "maybe" -> Expect.MAYBE;
                    default -> null;
                };
                if (expect == null) {
                    return new Control(line, conditions, ControlKind.UNSUPPORTED, b.lines.get(i));
                }
                int dashes = rest.indexOf("----");
                String sql = String.join("\n", dashes < 0 ? rest : rest.subList(0, dashes));
                String message = dashes < 0 ? null : String.join("\n", rest.subList(dashes + 1, rest.size()));
                return new Statement(line, conditions, t.length > 2 ? t[2] : null, expect, sql, message);
            }
            case "query": {
                if (t.length < 2) {
                    throw new IllegalArgumentException("query without a type string at line " + line);
                }
                SortMode sort = SortMode.NOSORT;
                String label = null;
                String connection = null;
                if (t.length > 2) {
                    SortMode parsed = SortMode.parse(t[2]);
                    if (parsed != null) {
                        sort = parsed;
                        label = t.length > 3 ? t[3] : null;
                    } else {
                        connection = t[2]; // DuckDB: query I con1
                    }
                }
                int dashes = rest.indexOf("----");
                String sql = String.join("\n", dashes < 0 ? rest : rest.subList(0, dashes));
                List<String> expected = dashes < 0 ? List.of() : List.copyOf(rest.subList(dashes + 1, rest.size()));
                return new Query(line, conditions, connection, t[1], sort, label, sql, expected);
            }
            case "hash-threshold":
                return new Control(line, conditions, ControlKind.HASH_THRESHOLD, t.length > 1 ? t[1] : "0");
            case "halt":
                return new Control(line, conditions, ControlKind.HALT, null);
            case "restart":
                return new Control(line, conditions, ControlKind.RESTART, null);
            case "reconnect":
                return new Control(line, conditions, ControlKind.RECONNECT, null);
            case "require", "load":
                return new Control(line, conditions, ControlKind.REQUIRE, b.lines.get(i));
            case "mode":
                if (t.length > 1 && t[1].equalsIgnoreCase("skip")) {
                    return new Control(line, conditions, ControlKind.MODE_SKIP, null);
                }
                if (t.length > 1 && t[1].equalsIgnoreCase("unskip")) {
                    return new Control(line, conditions, ControlKind.MODE_UNSKIP, null);
                }
                return new Control(line, conditions, ControlKind.UNSUPPORTED, b.lines.get(i));
            default:
                return new Control(line, conditions, ControlKind.UNSUPPORTED, b.lines.get(i));
        }
    }

    /** The whitespace-separated tokens of a directive line, up to a {@code #} comment. */
    private static String[] tokens(String line) {
        String[] all = line.trim().split("\\s+");
        int n = 0;
        while (n < all.length && !all[n].startsWith("#") && !all[n].isEmpty()) {
            n++;
        }
        return Arrays.copyOf(all, n);
    }
}
