package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every method of {@link Connection}, {@link Statement}, {@link PreparedStatement} and {@link ResultSet}, called
 * through reflection on a closed object with neutral arguments, throws an {@link SQLException} — 08003 where the
 * object's closedness is what the call meets — and never another exception or a silent success. The JDBC
 * specification allows only {@code close}, {@code isClosed} and the wrapper methods on closed objects
 * ({@code Connection.abort} and {@code isValid} are documented exceptions too).
 */
class ClosedObjectConformanceTest {
    /** Methods JDBC allows on a closed object. */
    private static final Set<String> ALLOWED_WHEN_CLOSED = Set.of("close", "isClosed", "unwrap", "isWrapperFor",
            "abort", "isValid", "getWarnings"/* checked separately below */, "clearWarnings",
            "beginRequest", "endRequest", "setShardingKeyIfValid", "setShardingKey", "enquoteLiteral",
            "enquoteIdentifier", "isSimpleIdentifier", "enquoteNCharLiteral");

    @Test
    void closedConnectionStatementAndResultSetRefuseEveryCall() throws Exception {
        Connection connection = DriverManager.getConnection(freshMemUrl("closed"));
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER)");
        }
        Statement statement = connection.createStatement();
        PreparedStatement prepared = connection.prepareStatement("SELECT a FROM t WHERE a = ?");
        java.sql.CallableStatement callable = connection.prepareCall("{? = call abs(?)}");
        ResultSet resultSet = connection.createStatement().executeQuery("SELECT a FROM t");
        resultSet.close();
        statement.close();
        prepared.close();
        callable.close();
        List<String> problems = new ArrayList<>();
        check(ResultSet.class, resultSet, problems);
        check(Statement.class, statement, problems);
        check(PreparedStatement.class, prepared, problems);
        check(java.sql.CallableStatement.class, callable, problems);
        connection.close();
        check(Connection.class, connection, problems);
        assertTrue(problems.isEmpty(), problems.size() + " method(s) misbehave on closed objects:\n  "
                + String.join("\n  ", problems));
    }

    private static void check(Class<?> api, Object target, List<String> problems) {
        for (Method m : api.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || ALLOWED_WHEN_CLOSED.contains(m.getName())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = api.getSimpleName() + "." + m.getName() + signature(m);
            try {
                m.invoke(target, arguments(m));
                problems.add(name + ": succeeded");
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof SQLException sql)) {
                    problems.add(name + ": threw " + cause);
                } else if (!"08003".equals(sql.getSQLState()) && !"0A000".equals(sql.getSQLState())) {
                    problems.add(name + ": SQLSTATE " + sql.getSQLState() + " " + sql.getMessage());
                }
            } catch (IllegalAccessException e) {
                problems.add(name + ": " + e);
            }
        }
    }

    private static String signature(Method m) {
        StringBuilder b = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            b.append(b.length() > 1 ? "," : "").append(p.getSimpleName());
        }
        return b.append(')').toString();
    }

    /** Neutral arguments: 1 for numbers (a valid column/parameter index), "a" for strings, null for objects. */
    private static Object[] arguments(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) {
                args[i] = 1;
            } else if (t == long.class) {
                args[i] = 1L;
            } else if (t == boolean.class) {
                args[i] = false;
            } else if (t == short.class) {
                args[i] = (short) 1;
            } else if (t == byte.class) {
                args[i] = (byte) 1;
            } else if (t == float.class) {
                args[i] = 1f;
            } else if (t == double.class) {
                args[i] = 1d;
            } else if (t == String.class) {
                args[i] = "a";
            } else {
                args[i] = null;
            }
        }
        return args;
    }

    @Test
    void warningsOfClosedObjectsAreAnError() throws SQLException {
        Connection connection = DriverManager.getConnection(freshMemUrl("closed"));
        Statement statement = connection.createStatement();
        statement.close();
        assertTrue(throwsClosed(statement::getWarnings), "Statement.getWarnings after close");
        connection.close();
        assertTrue(throwsClosed(connection::getWarnings), "Connection.getWarnings after close");
        assertTrue(!connection.isValid(0), "a closed connection is not valid");
    }

    private interface Call {
        Object run() throws SQLException;
    }

    private static boolean throwsClosed(Call call) {
        try {
            call.run();
            return false;
        } catch (SQLException e) {
            return "08003".equals(e.getSQLState());
        }
    }
}
