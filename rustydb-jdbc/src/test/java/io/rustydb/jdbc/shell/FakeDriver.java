package io.rustydb.jdbc.shell;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A scripted JDBC driver for testing the shell without the real engine: URL {@code jdbc:fakeshell:NAME} answers
 * each SQL text with the {@link Response} registered for it under NAME ({@link #script}), and anything else with
 * a syntax error (42601). It implements only the JDBC calls the shell makes, through dynamic proxies.
 */
final class FakeDriver implements Driver {

    static final String URL_PREFIX = "jdbc:fakeshell:";

    /** What a statement does: one or more results, in order, or an error. */
    sealed interface Response permits Rows, Count, Failure, Results {
    }

    /** A result set; {@code types} are {@link java.sql.Types} codes. */
    record Rows(List<String> labels, List<Integer> types, List<List<Object>> rows) implements Response {
    }

    /** An update count. */
    record Count(int count) implements Response {
    }

    /** The statement throws this. */
    record Failure(RuntimeException runtime, String sqlState, String message) implements Response {
    }

    /** Several results from one statement. */
    record Results(List<Response> results) implements Response {
    }

    /** The database NAME's scripted answers and the statements it received. */
    static final class Database {
        final Map<String, Response> responses = new ConcurrentHashMap<>();
        final List<String> executed = new ArrayList<>();
        Rows tables = new Rows(List.of("TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"), List.of(12, 12, 12), List.of());
        Rows columns = new Rows(List.of("TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "TYPE_NAME", "DATA_TYPE",
                "COLUMN_SIZE", "DECIMAL_DIGITS", "IS_NULLABLE", "NULLABLE"), List.of(12, 12, 12, 12, 4, 4, 4, 12, 4),
                List.of());
    }

    private static final Map<String, Database> DATABASES = new ConcurrentHashMap<>();
    private static final FakeDriver INSTANCE = new FakeDriver();

    static {
        try {
            DriverManager.registerDriver(INSTANCE);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A new, empty database named {@code name}; returns it for scripting. */
    static Database script(String name) {
        Database database = new Database();
        DATABASES.put(name, database);
        return database;
    }

    /** A result set; rows are given as lists (use {@link Arrays#asList} for rows holding nulls). */
    static Rows rows(List<String> labels, List<Integer> types, List<?>... rows) {
        List<List<Object>> copies = new ArrayList<>();
        for (List<?> row : rows) {
            copies.add(new ArrayList<>(row));
        }
        return new Rows(labels, types, copies);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Database database = DATABASES.get(url.substring(URL_PREFIX.length()));
        if (database == null) {
            throw new SQLException("database does not exist: " + url, "08001");
        }
        return proxy(Connection.class, (p, method, args) -> switch (method.getName()) {
            case "createStatement" -> statement(database);
            case "getMetaData" -> proxy(DatabaseMetaData.class, (q, m, a) -> switch (m.getName()) {
                case "getTables" -> resultSet(database.tables);
                case "getColumns" -> resultSet(filterColumns(database.columns, (String) a[2]));
                case "getDatabaseProductName" -> "FakeDB";
                case "getDatabaseProductVersion" -> "0";
                default -> throw new SQLFeatureNotSupportedException(m.getName());
            });
            case "close" -> null;
            case "isClosed" -> false;
            default -> throw new SQLFeatureNotSupportedException(method.getName());
        });
    }

    private static Rows filterColumns(Rows columns, String tablePattern) {
        List<List<Object>> matching = columns.rows().stream()
                .filter(row -> row.get(1).toString().equals(tablePattern)).toList();
        return new Rows(columns.labels(), columns.types(), matching);
    }

    private static Statement statement(Database database) {
        List<Response> pending = new ArrayList<>();
        Response[] current = new Response[1];
        return proxy(Statement.class, (p, method, args) -> switch (method.getName()) {
            case "execute" -> {
                String sql = (String) args[0];
                synchronized (database.executed) {
                    database.executed.add(sql);
                }
                Response response = database.responses.get(sql);
                if (response == null) {
                    throw new SQLException("syntax error at or near \"" + sql + "\"", "42601");
                }
                if (response instanceof Failure failure) {
                    if (failure.runtime() != null) {
                        throw failure.runtime();
                    }
                    throw new SQLException(failure.message(), failure.sqlState());
                }
                pending.clear();
                pending.addAll(response instanceof Results results ? results.results() : List.of(response));
                current[0] = pending.remove(0);
                yield current[0] instanceof Rows;
            }
            case "getResultSet" -> current[0] instanceof Rows rows ? resultSet(rows) : null;
            case "getUpdateCount" -> current[0] instanceof Count count ? count.count() : -1;
            case "getMoreResults" -> {
                current[0] = pending.isEmpty() ? null : pending.remove(0);
                yield current[0] instanceof Rows;
            }
            case "close", "cancel" -> null;
            default -> throw new SQLFeatureNotSupportedException(method.getName());
        });
    }

    private static ResultSet resultSet(Rows rows) {
        int[] position = {-1};
        boolean[] wasNull = {false};
        ResultSetMetaData meta = proxy(ResultSetMetaData.class, (p, method, args) -> switch (method.getName()) {
            case "getColumnCount" -> rows.labels().size();
            case "getColumnLabel", "getColumnName" -> rows.labels().get((Integer) args[0] - 1);
            case "getColumnType" -> rows.types().get((Integer) args[0] - 1);
            default -> throw new SQLFeatureNotSupportedException(method.getName());
        });
        return proxy(ResultSet.class, (p, method, args) -> {
            switch (method.getName()) {
                case "next":
                    return ++position[0] < rows.rows().size();
                case "getMetaData":
                    return meta;
                case "close":
                    return null;
                case "wasNull":
                    return wasNull[0];
                case "getString":
                case "getInt":
                    int column = args[0] instanceof Integer index ? index - 1 : rows.labels().indexOf(args[0]);
                    Object value = rows.rows().get(position[0]).get(column);
                    wasNull[0] = value == null;
                    if (method.getName().equals("getInt")) {
                        return value == null ? 0 : ((Number) value).intValue();
                    }
                    return value == null ? null : value.toString();
                default:
                    throw new SQLFeatureNotSupportedException(method.getName());
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FakeDriver.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    case "toString" -> type.getSimpleName() + "@fake";
                    default -> handler.invoke(p, method, args);
                });
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL_PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no logging");
    }
}
