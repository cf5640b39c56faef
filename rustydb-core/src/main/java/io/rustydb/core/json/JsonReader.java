package io.rustydb.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON text (RFC 8259, as PostgreSQL accepts it: no comments, single quotes, NaN or trailing commas) into a
 * {@link JsonNode} tree with Jackson's streaming parser. Invalid text is 22P02 naming the problem and its line and
 * column; a number too large for PostgreSQL's numeric (more than 131072 integer or 16383 fraction digits) is 22003;
 * nesting deeper than {@link #MAX_DEPTH} is 54000.
 */
public final class JsonReader {
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 1000;
    private static final int MAX_INTEGER_DIGITS = 131072;
    private static final int MAX_FRACTION_DIGITS = 16383;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private JsonReader() {
    }

    /** Reads {@code text} as {@code json}: members keep their order and duplicates, numbers their text. */
    public static JsonNode readJson(String text) {
        return read(text, "json", false);
    }

    /**
     * Reads {@code text} as {@code jsonb}: duplicate keys keep the last value, members are sorted by
     * {@link Jsonb#KEY_ORDER}, numbers become their decimal value ({@code 1e2} is {@code 100}, {@code 1.50} stays).
     */
    public static JsonNode readJsonb(String text) {
        return read(text, "jsonb", true);
    }

    private static JsonNode read(String text, String type, boolean normalize) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw invalid(type, "the input string ended unexpectedly");
            }
            JsonNode node = value(p, first, type, normalize);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw invalid(type, "unexpected content after the value at " + where(p));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw translate(e, type);
        } catch (IOException e) {
            throw DbException.internal("reading JSON from a string: " + e);
        }
    }

    private static JsonNode value(JsonParser p, JsonToken token, String type, boolean normalize) throws IOException {
        switch (token) {
            case START_OBJECT: {
                List<JsonNode.Member> members = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String key = checkedString(p.currentName(), p, type, normalize);
                    members.add(new JsonNode.Member(key, value(p, p.nextToken(), type, normalize)));
                }
                return normalize ? Jsonb.normalizeObject(members) : new JsonNode.Obj(members);
            }
            case START_ARRAY: {
                List<JsonNode> elements = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    elements.add(value(p, t, type, normalize));
                }
                return new JsonNode.Array(elements);
            }
            case VALUE_STRING:
                return JsonNode.string(checkedString(p.getText(), p, type, normalize));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                String digits = p.getText();
                BigDecimal value = checkedNumber(digits);
                return normalize ? JsonNode.number(value) : new JsonNode.Number(value, digits);
            }
            case VALUE_TRUE:
                return JsonNode.TRUE;
            case VALUE_FALSE:
                return JsonNode.FALSE;
            case VALUE_NULL:
                return JsonNode.NULL;
            default:
                throw invalid(type, "unexpected token " + token + " at " + where(p));
        }
    }

    /**
     * {@code s} if PostgreSQL would accept it: no unpaired UTF-16 surrogate (from a {@code \ud800}-style escape), and
     * for jsonb no NUL character (PostgreSQL's text cannot hold it). Else 22P02.
     */
    private static String checkedString(String s, JsonParser p, String type, boolean normalize) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw invalid(type, "Unicode low surrogate must follow a high surrogate, at " + where(p));
            }
            if (Character.isLowSurrogate(c)) {
                throw invalid(type, "Unicode low surrogate must follow a high surrogate, at " + where(p));
            }
            if (c == 0 && normalize) {
                throw invalid(type, "unsupported Unicode escape sequence: \\u0000 cannot be converted to text, at "
                        + where(p));
            }
        }
        return s;
    }

    /** A number's value; 22003 when PostgreSQL's numeric could not hold it. */
    static BigDecimal checkedNumber(String digits) {
        BigDecimal value = new BigDecimal(digits);
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
            throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
        return value;
    }

    /**
     * The text of the value that {@code steps} (each a String key or an Integer array index, negative from the
     * end) select in json text {@code text}, exactly as written there, or null when a step finds nothing (a missing
     * key, an index out of range, a key step on an array or an index step on an object or scalar). Duplicate keys:
     * the last one counts, as in PostgreSQL. With {@code path}, a String step on an array is read as an index
     * (null when it is not an integer), as {@code #>} does.
     */
    public static String extract(String text, List<Object> steps, boolean path) {
        String current = text;
        for (Object step : steps) {
            current = step(current, step, path);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static String step(String text, Object step, boolean path) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (path && step instanceof String s && t == JsonToken.START_ARRAY) {
                step = Jsonb.parseIndex(s);
                if (step == null) {
                    return null;
                }
            }
            if (step instanceof String key && t == JsonToken.START_OBJECT) {
                String found = null;
                for (t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    boolean match = key.equals(p.currentName());
                    p.nextToken();
                    String span = span(p, text);
                    if (match) {
                        found = span;
                    }
                }
                return found;
            }
            if (step instanceof Integer index && t == JsonToken.START_ARRAY) {
                List<String> elements = new ArrayList<>();
                for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    elements.add(span(p, text));
                }
                int i = index < 0 ? elements.size() + index : index;
                return i >= 0 && i < elements.size() ? elements.get(i) : null;
            }
            return null;
        } catch (JsonProcessingException e) {
            throw translate(e, "json");
        } catch (IOException e) {
            throw DbException.internal("reading JSON from a string: " + e);
        }
    }

    /** The text of the value at the parser's current token, which is then skipped. */
    private static String span(JsonParser p, String text) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        p.finishToken();
        int end = (int) p.currentLocation().getCharOffset();
        return text.substring(start, end);
    }

    private static String where(JsonParser p) {
        return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
    }

    private static DbException invalid(String type, String detail) {
        return new DbException(ErrorCode.INVALID_JSON_TEXT, type, detail);
    }

    private static DbException translate(JsonProcessingException e, String type) {
        String message = e.getOriginalMessage();
        if (message != null && message.contains("nesting depth")) {
            return new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED,
                    "JSON nesting depth exceeds the maximum of " + MAX_DEPTH);
        }
        int nl = message == null ? -1 : message.indexOf('\n');
        String first = message == null ? e.toString() : nl < 0 ? message : message.substring(0, nl);
        int enable = first.indexOf(": enable `");
        if (enable >= 0) {
            first = first.substring(0, enable); // Jackson's advice on its own configuration means nothing here
        }
        String at = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return new DbException(ErrorCode.INVALID_JSON_TEXT, e, type, first + at);
    }
}
