package io.rustydb.sql.parser;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.SessionExpr;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the schema and session statements JSqlParser does not parse (or parses only in part) straight into bound
 * statements — they name no table, so there is nothing to resolve:
 * <pre>
 *  CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] | CREATE SCHEMA [IF NOT EXISTS] AUTHORIZATION role
 *  DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]
 *  ALTER SCHEMA name RENAME TO new_name
 *  SET [SESSION] name {TO | =} {value [, ...] | DEFAULT}      SET SCHEMA 'name'
 *  SHOW name | SHOW ALL                                      RESET name | RESET ALL
 * </pre>
 * A value is a name, a quoted name, a string literal or a number. Names are folded as SQL folds them; a string
 * literal is taken as written (for {@code search_path} each literal is one schema name). {@code SET LOCAL} is
 * 0A000. Errors are 42601.
 */
public final class SessionStatementParser {
    private final List<Token> tokens;
    private int at;

    /** A word: an identifier (folded), a quoted identifier, a string literal, a number or punctuation. */
    private record Token(String text, Kind kind) {
    }

    private enum Kind {
        WORD, QUOTED, STRING, NUMBER, PUNCT
    }

    private SessionStatementParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The statement if {@code sql} is one of the statements above, else null. */
    public static BoundStatement parse(String sql) {
        List<Token> tokens = tokenize(sql);
        if (tokens == null || tokens.isEmpty() || tokens.get(0).kind != Kind.WORD) {
            return null;
        }
        String first = tokens.get(0).text;
        String second = tokens.size() > 1 && tokens.get(1).kind == Kind.WORD ? tokens.get(1).text : "";
        SessionStatementParser p = new SessionStatementParser(tokens);
        p.at = 1;
        switch (first) {
            case "create":
                return second.equals("schema") ? p.createSchema() : null;
            case "drop":
                return second.equals("schema") ? p.dropSchema() : null;
            case "alter":
                return second.equals("schema") ? p.alterSchema() : null;
            case "set":
                if (second.equals("transaction") || second.equals("session") && tokens.size() > 2
                        && tokens.get(2).text.equals("characteristics")) {
                    return null; // TransactionStatementParser's
                }
                return p.set();
            case "show":
                return p.show();
            case "reset":
                return p.reset();
            default:
                return null;
        }
    }

    private BoundStatement createSchema() {
        at = 2;
        boolean ifNotExists = accept("if");
        if (ifNotExists) {
            expect("not");
            expect("exists");
        }
        String name = null;
        String owner = null;
        if (peekWord("authorization")) {
            at++;
            owner = name();
            name = owner;
        } else {
            name = name();
            if (accept("authorization")) {
                owner = name();
            }
        }
        end();
        return new BoundStatement.CreateSchema(name, owner, ifNotExists);
    }

    private BoundStatement dropSchema() {
        at = 2;
        boolean ifExists = accept("if");
        if (ifExists) {
            expect("exists");
        }
        List<String> names = new ArrayList<>();
        names.add(name());
        while (acceptPunct(",")) {
            names.add(name());
        }
        boolean cascade = accept("cascade");
        if (!cascade) {
            accept("restrict");
        }
        end();
        return new BoundStatement.DropSchema(names, ifExists, cascade);
    }

    private BoundStatement alterSchema() {
        at = 2;
        String name = name();
        if (accept("owner")) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ALTER SCHEMA ... OWNER TO (RustyDB has no roles)");
        }
        expect("rename");
        expect("to");
        String newName = name();
        end();
        return new BoundStatement.RenameSchema(name, newName);
    }

    private BoundStatement set() {
        if (accept("local")) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "SET LOCAL (settings last for the session)");
        }
        accept("session");
        if (peekWord("schema") && at + 1 < tokens.size() && tokens.get(at + 1).kind == Kind.STRING) {
            at++;
            String schema = tokens.get(at++).text;
            end();
            return new BoundStatement.SetSetting("search_path", List.of(schema));
        }
        String name;
        if (peekWord("time") && at + 1 < tokens.size() && tokens.get(at + 1).text.equals("zone")) {
            at += 2; // SET TIME ZONE value
            name = "timezone";
            at--;
            tokens.set(at, new Token("to", Kind.WORD));
        } else {
            name = settingName();
        }
        if (!accept("to") && !acceptPunct("=")) {
            throw syntax("TO or =");
        }
        io.rustydb.sql.exec.SessionSettings.known(name); // 42704 now, not when it runs
        if (peekWord("default") && at + 1 == tokens.size()) {
            at++;
            return new BoundStatement.SetSetting(name, null);
        }
        List<String> values = new ArrayList<>();
        do {
            Token literal = at < tokens.size() && tokens.get(at).kind == Kind.STRING ? tokens.get(at) : null;
            String value = value();
            if (literal != null && name.equals("search_path")) {
                values.addAll(identifierList(value)); // 'a, "B"' is the list a, B, as PostgreSQL reads it
            } else {
                values.add(value);
            }
        } while (acceptPunct(","));
        end();
        return new BoundStatement.SetSetting(name, values);
    }

    private BoundStatement show() {
        String name = settingName();
        end();
        if (name.equals("all")) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "SHOW ALL (query a parameter by name)");
        }
        io.rustydb.sql.exec.SessionSettings.known(name);
        LogicalPlan plan = new LogicalPlan.Values(List.of(List.of(new SessionExpr(SessionExpr.Kind.SETTING, name,
                null))), List.of(DataType.VARCHAR));
        return new BoundStatement.Query(plan, List.of(name), List.of());
    }

    private BoundStatement reset() {
        String name = settingName();
        end();
        if (!name.equals("all")) {
            io.rustydb.sql.exec.SessionSettings.known(name);
        }
        return new BoundStatement.SetSetting(name, null);
    }

    /**
     * The schema names of a search path written as text ({@code a, "B"}: comma-separated, each folded unless
     * double-quoted); 22023 if it is not such a list.
     */
    public static List<String> searchPathItems(String text) {
        List<String> items = identifierList(text);
        if (items.isEmpty()) {
            throw badList(text);
        }
        return items;
    }

    /** A list of names in a string: comma-separated, each folded unless double-quoted ({@code $user} kept). */
    private static List<String> identifierList(String text) {
        List<Token> inner = tokenize(text);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (inner != null && i < inner.size()) {
            Token t = inner.get(i++);
            String name;
            if (t.kind == Kind.WORD || t.kind == Kind.QUOTED) {
                name = t.text;
            } else if (t.text.equals("$") && i < inner.size() && inner.get(i).kind == Kind.WORD) {
                name = "$" + inner.get(i++).text;
            } else {
                throw badList(text);
            }
            out.add(name);
            if (i < inner.size() && !(inner.get(i).kind == Kind.PUNCT && inner.get(i++).text.equals(",")
                    && i < inner.size())) {
                throw badList(text);
            }
        }
        if (inner == null) {
            throw badList(text);
        }
        return out;
    }

    private static DbException badList(String text) {
        return new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid list syntax in parameter \"search_path\": "
                + text);
    }

    /** A parameter name: a word, possibly dotted ({@code my.option}); kept in lower case. */
    private String settingName() {
        StringBuilder name = new StringBuilder(name());
        while (acceptPunct(".")) {
            name.append('.').append(name());
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    private String value() {
        if (at >= tokens.size()) {
            throw syntax("a value");
        }
        Token t = tokens.get(at++);
        if (t.kind == Kind.PUNCT) {
            if (t.text.equals("-") && at < tokens.size() && tokens.get(at).kind == Kind.NUMBER) {
                return "-" + tokens.get(at++).text;
            }
            at--;
            throw syntax("a value");
        }
        return t.text;
    }

    private String name() {
        if (at >= tokens.size() || tokens.get(at).kind != Kind.WORD && tokens.get(at).kind != Kind.QUOTED) {
            throw syntax("a name");
        }
        String name = tokens.get(at++).text;
        if (name.isEmpty()) {
            throw new DbException(ErrorCode.INVALID_NAME, "zero-length identifier");
        }
        return name;
    }

    private boolean peekWord(String word) {
        return at < tokens.size() && tokens.get(at).kind == Kind.WORD && tokens.get(at).text.equals(word);
    }

    private boolean accept(String word) {
        if (peekWord(word)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean acceptPunct(String punct) {
        if (at < tokens.size() && tokens.get(at).kind == Kind.PUNCT && tokens.get(at).text.equals(punct)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String word) {
        if (!accept(word)) {
            throw syntax(word.toUpperCase(Locale.ROOT));
        }
    }

    private void end() {
        if (at < tokens.size()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + tokens.get(at).text + "\"");
        }
    }

    private DbException syntax(String expected) {
        String near = at < tokens.size() ? "at or near \"" + tokens.get(at).text + "\"" : "at end of input";
        return new DbException(ErrorCode.SYNTAX_ERROR, "syntax error " + near + ": expected " + expected);
    }

    /** The tokens of {@code sql}; comments and one final {@code ;} dropped; null if it holds something else. */
    private static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == ';') {
                if (!sql.substring(i + 1).isBlank()) {
                    return null; // more than one statement
                }
                i = n;
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        return null; // unterminated: JSqlParser reports it
                    }
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            text.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(sql.charAt(j++));
                }
                out.add(new Token(text.toString(), c == '"' ? Kind.QUOTED : Kind.STRING));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                        || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(sql.substring(i, j).toLowerCase(Locale.ROOT), Kind.WORD));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(sql.substring(i, j), Kind.NUMBER));
                i = j;
            } else {
                out.add(new Token(String.valueOf(c), Kind.PUNCT));
                i++;
            }
        }
        return out;
    }
}
