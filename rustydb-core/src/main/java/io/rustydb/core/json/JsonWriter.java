package io.rustydb.core.json;

/**
 * Writes a {@link JsonNode} as text, as PostgreSQL prints jsonb: {@code {"a": 1, "b": [true, null]}} (one space
 * after each colon and comma, none elsewhere), or indented four spaces per level ({@link #pretty}, as
 * {@code jsonb_pretty}). Strings are escaped as PostgreSQL does: {@code \"}, {@code \\}, {@code \b \f \n \r \t},
 * other control characters as {@code \\u} and four hex digits; everything else, including non-ASCII, as is.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** The canonical one-line text of {@code node}. */
    public static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    /** Appends the canonical one-line text of {@code node}. */
    public static void write(JsonNode node, StringBuilder sb) {
        if (node instanceof JsonNode.Obj o) {
            sb.append('{');
            boolean first = true;
            for (JsonNode.Member m : o.members()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                quote(m.key(), sb);
                sb.append(": ");
                write(m.value(), sb);
            }
            sb.append('}');
        } else if (node instanceof JsonNode.Array a) {
            sb.append('[');
            boolean first = true;
            for (JsonNode e : a.elements()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                write(e, sb);
            }
            sb.append(']');
        } else {
            scalar(node, sb);
        }
    }

    /** The text of {@code node} indented as PostgreSQL's {@code jsonb_pretty} prints it. */
    public static String pretty(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        pretty(node, sb, 0);
        return sb.toString();
    }

    private static void pretty(JsonNode node, StringBuilder sb, int level) {
        if (node instanceof JsonNode.Obj o) {
            if (o.members().isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (JsonNode.Member m : o.members()) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, level + 1);
                quote(m.key(), sb);
                sb.append(": ");
                pretty(m.value(), sb, level + 1);
            }
            sb.append('\n');
            indent(sb, level);
            sb.append('}');
        } else if (node instanceof JsonNode.Array a) {
            if (a.elements().isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (JsonNode e : a.elements()) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, level + 1);
                pretty(e, sb, level + 1);
            }
            sb.append('\n');
            indent(sb, level);
            sb.append(']');
        } else {
            scalar(node, sb);
        }
    }

    private static void indent(StringBuilder sb, int level) {
        for (int i = 0; i < level; i++) {
            sb.append("    ");
        }
    }

    private static void scalar(JsonNode node, StringBuilder sb) {
        if (node instanceof JsonNode.Str s) {
            quote(s.value(), sb);
        } else if (node instanceof JsonNode.Number n) {
            sb.append(n.text());
        } else if (node instanceof JsonNode.Bool b) {
            sb.append(b.value() ? "true" : "false");
        } else {
            sb.append("null");
        }
    }

    /** {@code s} as a JSON string literal, quoted and escaped. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
