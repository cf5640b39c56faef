package io.rustydb.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * One physical connection held by a connection pool ({@link RustyDataSource#getPooledConnection}). The pool hands
 * the application a logical handle ({@link #getConnection}): closing the handle rolls back what it left open and
 * tells the pool's listeners that the physical connection is free again, instead of closing it; a handle used after
 * its close fails with 08003; a connection-level failure (SQLSTATE class 08) is reported to the listeners as an
 * error. Only one handle is live at a time: asking for a new one closes the previous (JDBC's rule).
 */
final class RustyPooledConnection implements PooledConnection {
    private final Connection physical;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private Handle current;

    RustyPooledConnection(Connection physical) {
        this.physical = physical;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (physical.isClosed()) {
            throw new SQLException("the pooled connection is closed", "08003");
        }
        if (current != null) {
            current.closed = true; // the previous handle is dead now
        }
        if (!physical.getAutoCommit()) {
            physical.rollback();
        }
        physical.setAutoCommit(true);
        current = new Handle();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, current);
    }

    @Override
    public void close() throws SQLException {
        physical.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    /** Statement pooling is not offered: there are no statement events. */
    @Override
    public void addStatementEventListener(StatementEventListener listener) {
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
    }

    /** The logical connection: delegates to the physical one until closed. */
    private final class Handle implements InvocationHandler {
        volatile boolean closed;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close")) {
                closeHandle();
                return null;
            }
            if (name.equals("isClosed")) {
                return closed || physical.isClosed();
            }
            if (name.equals("equals")) {
                return proxy == args[0];
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("toString")) {
                return "pooled handle of " + physical;
            }
            if (closed) {
                throw new SQLException("the connection handle is closed", "08003");
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sql && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("08")) {
                    ConnectionEvent event = new ConnectionEvent(RustyPooledConnection.this, sql);
                    for (ConnectionEventListener l : listeners) {
                        l.connectionErrorOccurred(event);
                    }
                }
                throw cause;
            }
        }

        private void closeHandle() throws SQLException {
            synchronized (RustyPooledConnection.this) {
                if (closed) {
                    return;
                }
                closed = true;
                if (!physical.isClosed() && !physical.getAutoCommit()) {
                    physical.rollback(); // what the application left open does not leak into the next handle
                }
            }
            ConnectionEvent event = new ConnectionEvent(RustyPooledConnection.this);
            for (ConnectionEventListener l : listeners) {
                l.connectionClosed(event);
            }
        }
    }
}
