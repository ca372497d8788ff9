package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.support.StoreUnavailable;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;
import org.jdbi.v3.core.Jdbi;

/**
 * Where the relational adapter tells "the database does not answer" from every other SQL failure, so
 * the core sees only {@link StoreUnavailable} (503 + Retry-After) and never a driver class. Installed on
 * the one {@link Jdbi} of a {@link Database}: a connection the pool cannot hand out in time is
 * translated where it is opened, and a statement or commit that dies on a lost or silent connection
 * (socket timeout, reset, SQL state class 08, server shutting down) where the handle callback ends, so
 * every store, and every other user of {@link Database#jdbi()}, throws the core's exception.
 * A constraint violation or a bad statement stays what it is: that is a bug or a business outcome,
 * not an outage.
 */
final class JdbcFailures {
    private JdbcFailures() {
    }

    /** A Jdbi over {@code dataSource} whose connection failures surface as {@link StoreUnavailable}. */
    static Jdbi translating(DataSource dataSource, String store) {
        ConnectionFactory connections = () -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new StoreUnavailable(store, e);
            }
        };
        return Jdbi.create(connections).setHandleCallbackDecorator(new HandleCallbackDecorator() {
            @Override
            public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
                return handle -> {
                    try {
                        return callback.withHandle(handle);
                    } catch (RuntimeException e) {
                        throw translate(store, e);
                    }
                };
            }
        });
    }

    /** {@code error} itself, or a {@link StoreUnavailable} around it when it says the database is away. */
    static RuntimeException translate(String store, RuntimeException error) {
        if (error instanceof StoreUnavailable || !isConnectionFailure(error)) {
            return error;
        }
        return new StoreUnavailable(store, error);
    }

    static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException || t instanceof java.net.SocketException
                    || t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL state class 08 (connection exception), PostgreSQL's 57P01-57P03 (server shutting down or not
     * accepting connections) and 53300 (too many connections); H2's 90067/90098/90121 (connection
     * broken, database closed).
     */
    private static boolean isConnectionState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || state.equals("90067") || state.equals("90098") || state.equals("90121");
    }
}
