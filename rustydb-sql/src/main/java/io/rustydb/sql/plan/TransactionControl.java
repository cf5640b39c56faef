package io.rustydb.sql.plan;

import io.rustydb.core.config.IsolationLevel;

/**
 * A transaction control statement (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, ROLLBACK TO, RELEASE, SET TRANSACTION). The
 * session carries it out; the engine never executes it.
 *
 * @param savepoint the savepoint's name for SAVEPOINT, ROLLBACK TO and RELEASE, else null
 * @param isolation the isolation level asked for, or null
 * @param readOnly  READ ONLY / READ WRITE asked for, or null
 */
public record TransactionControl(Kind kind, String savepoint, IsolationLevel isolation, Boolean readOnly) {
    /** The statements. */
    public enum Kind {
        BEGIN, COMMIT, ROLLBACK, SAVEPOINT, ROLLBACK_TO_SAVEPOINT, RELEASE_SAVEPOINT,
        /** SET TRANSACTION: characteristics of the current transaction. */
        SET_TRANSACTION,
        /** SET SESSION CHARACTERISTICS AS TRANSACTION: defaults of later transactions. */
        SET_SESSION_CHARACTERISTICS,
        /** VACUUM: remove dead row versions now (outside any transaction block). */
        VACUUM
    }
}
