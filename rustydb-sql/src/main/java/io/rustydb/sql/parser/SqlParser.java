package io.rustydb.sql.parser;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

/**
 * Turns the text of exactly one SQL statement into a JSqlParser AST, or a 42601 error that says where it broke.
 *
 * <p>Calls the generated parser directly: {@code CCJSqlParserUtil.parse(String)} starts a thread per call and
 * silently ignores a second statement. Scripts are split into statements before they get here.
 */
public final class SqlParser {
    private SqlParser() {
    }

    /** Parses {@code sql}; a trailing {@code ;} is allowed, anything after it is a 42601 error. */
    public static Statement parse(String sql) {
        return withSignRetry(withJsonOperators(DdlSyntax.normalize(sql)), SqlParser::parseOnce);
    }

    /** Parses one expression (a stored DEFAULT or CHECK); anything after it is a 42601 error. */
    public static net.sf.jsqlparser.expression.Expression parseExpression(String sql) {
        return withSignRetry(withJsonOperators(sql), SqlParser::parseExpressionOnce);
    }

    /** {@code sql} with JSON operators as function calls ({@link JsonOperators}). */
    private static String withJsonOperators(String sql) {
        String rewritten = JsonOperators.rewrite(sql);
        return rewritten == null ? sql : rewritten;
    }

    /**
     * Runs {@code parser} on {@code sql}; on a syntax error, once more with chained unary signs parenthesized
     * ({@link UnarySigns}), which JSqlParser does not accept as written. The first error is the one reported.
     */
    private static <T> T withSignRetry(String sql, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(sql);
        } catch (DbException e) {
            String rewritten = e.code() == ErrorCode.SYNTAX_ERROR ? UnarySigns.parenthesize(sql) : null;
            if (rewritten != null) {
                try {
                    return parser.apply(rewritten);
                } catch (DbException ignored) {
                    // the rewrite did not help: report the error in the text as the user wrote it
                }
            }
            throw e;
        }
    }

    private static Statement parseOnce(String sql) {
        Statement ifNotExists = CreateSequenceIfNotExists.parse(sql);
        if (ifNotExists != null) {
            return ifNotExists;
        }
        Statement mergeDoNothing = MergeDoNothing.parse(sql);
        if (mergeDoNothing != null) {
            return mergeDoNothing;
        }
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
        Statement statement;
        try {
            statement = parser.Statement();
        } catch (ParseException e) {
            throw syntaxError(e.currentToken == null ? null : e.currentToken.next, e.getMessage());
        } catch (DbException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // TokenMgrException (an unterminated string, a stray character) and the parser's own failures.
            String message = e.getMessage() == null ? e.toString() : firstLine(e.getMessage());
            throw new DbException(ErrorCode.SYNTAX_ERROR, e, "syntax error: " + message);
        }
        if (statement == null) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "syntax error: empty statement");
        }
        Token next = parser.getToken(1);
        if (next != null && next.kind != CCJSqlParserConstants.EOF) {
            throw syntaxError(next, "only one statement can be parsed at a time");
        }
        return statement;
    }

    private static net.sf.jsqlparser.expression.Expression parseExpressionOnce(String sql) {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
        net.sf.jsqlparser.expression.Expression expression;
        try {
            expression = parser.Expression();
        } catch (ParseException e) {
            throw syntaxError(e.currentToken == null ? null : e.currentToken.next, e.getMessage());
        } catch (DbException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            String message = e.getMessage() == null ? e.toString() : firstLine(e.getMessage());
            throw new DbException(ErrorCode.SYNTAX_ERROR, e, "syntax error: " + message);
        }
        Token next = parser.getToken(1);
        if (expression == null || (next != null && next.kind != CCJSqlParserConstants.EOF)) {
            throw syntaxError(next, "not a single expression: " + sql);
        }
        return expression;
    }

    private static DbException syntaxError(Token at, String detail) {
        if (at == null || at.image == null) {
            return new DbException(ErrorCode.SYNTAX_ERROR, "syntax error: " + firstLine(detail));
        }
        String near = at.kind == CCJSqlParserConstants.EOF ? "syntax error at end of input" : "syntax error at or near \"" + at.image + "\"";
        return new DbException(ErrorCode.SYNTAX_ERROR,
                near + " (line " + at.beginLine + ", column " + at.beginColumn + ")");
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
