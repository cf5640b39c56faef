package io.rustydb.core;

/**
 * Every error RustyDB reports, with its SQLSTATE, category and message template.
 *
 * <p>Codes are grouped by SQLSTATE class, following PostgreSQL's assignments so that tools which map errors by
 * SQLSTATE (Spring's translator, Hibernate, Flyway) understand them. Templates use {@link String#format} syntax;
 * {@link DbException} fills them in. Pick the most specific code: e.g. a value that does not fit its column is
 * {@link #NUMERIC_VALUE_OUT_OF_RANGE}, not {@link #DATATYPE_MISMATCH}.
 */
public enum ErrorCode {
    // --- class 07: dynamic SQL error (JDBC parameter handling)
    /** A parameter index outside 1..n, or a parameter left unset. Wrong usage: a bad column index (use 42703). */
    INVALID_PARAMETER_INDEX("07009", ErrorCategory.USER, "%s"),

    // --- class 08: connection exception
    /** An operation on a closed connection, statement or result set. */
    OBJECT_CLOSED("08003", ErrorCategory.USER, "%s is closed"),
    /** A JDBC URL or connection option this driver does not understand. */
    INVALID_CONNECTION_URL("08001", ErrorCategory.USER, "%s"),

    // --- class 0A: feature not supported
    /** Valid SQL (or a JDBC call) that RustyDB does not implement yet; names the feature. */
    FEATURE_NOT_SUPPORTED("0A000", ErrorCategory.USER, "not supported: %s"),

    // --- class 21: cardinality violation
    /** A scalar subquery returned more than one row. */
    CARDINALITY_VIOLATION("21000", ErrorCategory.USER, "%s"),

    // --- class 22: data exception
    /** A string too long for its CHAR(n)/VARCHAR(n) target on assignment. */
    STRING_DATA_RIGHT_TRUNCATION("22001", ErrorCategory.USER, "value too long for type %s"),
    /** A number that does not fit its type (never a silent wrap-around). */
    NUMERIC_VALUE_OUT_OF_RANGE("22003", ErrorCategory.USER, "%s"),
    /** Text that cannot be read as a date, time or timestamp. */
    INVALID_DATETIME_FORMAT("22007", ErrorCategory.USER, "invalid input syntax for type %s: \"%s\""),
    /** A date/time computation outside the supported range. */
    DATETIME_FIELD_OVERFLOW("22008", ErrorCategory.USER, "%s"),
    /** Division (or modulo) by zero. */
    DIVISION_BY_ZERO("22012", ErrorCategory.USER, "division by zero"),
    /** A LIKE escape that is not one character, or a pattern that ends with its escape character. */
    INVALID_ESCAPE_SEQUENCE("22025", ErrorCategory.USER, "%s"),
    /** A regular expression (or SIMILAR TO pattern) that does not compile, or an unknown regular expression flag. */
    INVALID_REGULAR_EXPRESSION("2201B", ErrorCategory.USER, "invalid regular expression: %s"),
    /** An argument outside a function's domain (e.g. a negative LIMIT, a bad option value). */
    INVALID_PARAMETER_VALUE("22023", ErrorCategory.USER, "%s"),
    /** Text that cannot be read as the requested type, e.g. {@code 'abc'} as INTEGER. */
    INVALID_TEXT_REPRESENTATION("22P02", ErrorCategory.USER, "invalid input syntax for type %s: \"%s\""),
    /** Text that is not valid JSON, as a json/jsonb value; the message says what is wrong and where. */
    INVALID_JSON_TEXT("22P02", ErrorCategory.USER, "invalid input syntax for type %s: %s"),
    /** Text that is not an array's text form ({@code '{1,2'}), with what is wrong (PostgreSQL's wording). */
    MALFORMED_ARRAY_LITERAL("22P02", ErrorCategory.USER, "malformed array literal: \"%s\" (%s)"),
    /**
     * A sequence (or identity column) without CYCLE has handed out its last value. Wrong usage: a value out of
     * range for a column (use 22003).
     */
    SEQUENCE_GENERATOR_LIMIT_EXCEEDED("2200H", ErrorCategory.USER, "%s"),
    /** A NULL where a value is required, e.g. a window frame offset. Wrong usage: a NOT NULL column (use 23502). */
    NULL_VALUE_NOT_ALLOWED("22004", ErrorCategory.USER, "%s"),
    /** A negative window frame offset ({@code ROWS -1 PRECEDING}). */
    INVALID_PRECEDING_OR_FOLLOWING_SIZE("22013", ErrorCategory.USER, "%s"),
    /** An NTILE bucket count that is not positive. */
    INVALID_ARGUMENT_FOR_NTILE("22014", ErrorCategory.USER, "argument of ntile must be greater than zero"),
    /** An NTH_VALUE position that is not positive. */
    INVALID_ARGUMENT_FOR_NTH_VALUE("22016", ErrorCategory.USER, "argument of nth_value must be greater than zero"),

    // --- class 23: integrity constraint violation
    /** NULL stored into a NOT NULL column. */
    NOT_NULL_VIOLATION("23502", ErrorCategory.USER, "null value in column \"%s\" of relation \"%s\" violates not-null constraint"),
    /** A duplicate key in a unique index or constraint. */
    UNIQUE_VIOLATION("23505", ErrorCategory.USER,
            "duplicate key value violates unique constraint \"%s\": key (%s)=(%s) already exists"),
    /** A row whose foreign key names no row of the referenced table, or a delete/update that would orphan rows. */
    FOREIGN_KEY_VIOLATION("23503", ErrorCategory.USER, "%s"),
    /** A row for which a CHECK constraint's condition is FALSE. */
    CHECK_VIOLATION("23514", ErrorCategory.USER,
            "new row for relation \"%s\" violates check constraint \"%s\""),

    // --- class 25: invalid transaction state
    /** A write attempted in a read-only database or transaction. */
    READ_ONLY_TRANSACTION("25006", ErrorCategory.USER, "cannot execute %s in a read-only transaction"),

    /** BEGIN inside a transaction (a warning in PostgreSQL; an error here so that it is never missed). */
    ACTIVE_SQL_TRANSACTION("25001", ErrorCategory.USER, "there is already a transaction in progress"),
    /** COMMIT, ROLLBACK or a savepoint command outside a transaction. */
    NO_ACTIVE_TRANSACTION("25P01", ErrorCategory.USER, "there is no transaction in progress: %s"),
    /** A statement in a transaction that can only be rolled back (e.g. after a failed commit). */
    IN_FAILED_TRANSACTION("25P02", ErrorCategory.USER,
            "current transaction is aborted, commands ignored until end of transaction block"),

    // --- class 2B: dependent privilege descriptors still exist
    /** DROP of an object others depend on: a table a foreign key references, an identity column's sequence. */
    DEPENDENT_OBJECTS_STILL_EXIST("2BP01", ErrorCategory.USER, "%s"),

    // --- class 3F: invalid schema name
    /** A schema that does not exist. Wrong usage: an unknown table in an existing schema (use 42P01). */
    INVALID_SCHEMA_NAME("3F000", ErrorCategory.USER, "schema \"%s\" does not exist"),
    /** CREATE of an unqualified name when no schema of the search path exists. */
    NO_SCHEMA_SELECTED("3F000", ErrorCategory.USER, "no schema has been selected to create in"),

    // --- class 3B: savepoint exception
    /** ROLLBACK TO or RELEASE of a savepoint that does not exist. */
    INVALID_SAVEPOINT("3B001", ErrorCategory.USER, "savepoint \"%s\" does not exist"),

    // --- class 40: transaction rollback
    /** A serialization failure: the transaction was rolled back and may be retried. */
    SERIALIZATION_FAILURE("40001", ErrorCategory.CONFLICT, "could not serialize access: %s"),
    /** A deadlock: this transaction was chosen as the victim and rolled back. */
    DEADLOCK_DETECTED("40P01", ErrorCategory.CONFLICT, "deadlock detected: %s"),

    // --- class 42: syntax error or access rule violation
    /** SQL text that does not parse. Wrong usage: a known statement with an unknown name (use 42P01/42703). */
    SYNTAX_ERROR("42601", ErrorCategory.USER, "%s"),
    /** A type combination that no operator or assignment accepts, e.g. {@code 1 + DATE '2020-01-01'}. */
    DATATYPE_MISMATCH("42804", ErrorCategory.USER, "%s"),
    /** An aggregate or ungrouped column in the wrong clause. */
    GROUPING_ERROR("42803", ErrorCategory.USER, "%s"),
    /** An unknown function, or no overload for the argument types. */
    UNDEFINED_FUNCTION("42883", ErrorCategory.USER, "function %s does not exist"),
    /** No operator accepts these operand types, e.g. {@code 1 + DATE '2020-01-01'}. */
    UNDEFINED_OPERATOR("42883", ErrorCategory.USER, "operator does not exist: %s"),
    /** An unknown column name. */
    UNDEFINED_COLUMN("42703", ErrorCategory.USER, "column \"%s\" does not exist"),
    /** A column name that more than one table in scope provides. */
    AMBIGUOUS_COLUMN("42702", ErrorCategory.USER, "column reference \"%s\" is ambiguous"),
    /** Two columns with one name in a CREATE TABLE. */
    DUPLICATE_COLUMN("42701", ErrorCategory.USER, "column \"%s\" specified more than once"),
    /** An ORDER BY position outside the select list, or an ORDER BY that DISTINCT cannot honour. */
    INVALID_COLUMN_REFERENCE("42P10", ErrorCategory.USER, "%s"),
    /** Two tables in one FROM clause with the same name or alias. */
    DUPLICATE_ALIAS("42712", ErrorCategory.USER, "table name \"%s\" specified more than once"),
    /** An unknown table or view. */
    UNDEFINED_TABLE("42P01", ErrorCategory.USER, "relation \"%s\" does not exist"),
    /** A foreign key that references columns without a unique constraint on exactly them. */
    INVALID_FOREIGN_KEY("42830", ErrorCategory.USER, "%s"),
    /** A table definition that cannot be, e.g. two primary keys. */
    INVALID_TABLE_DEFINITION("42P16", ErrorCategory.USER, "%s"),
    /** CREATE of a table that exists. */
    DUPLICATE_TABLE("42P07", ErrorCategory.USER, "relation \"%s\" already exists"),
    /** CREATE SCHEMA of a schema that exists. */
    DUPLICATE_SCHEMA("42P06", ErrorCategory.USER, "schema \"%s\" already exists"),
    /** A name the system reserves, e.g. a schema named pg_something. */
    RESERVED_NAME("42939", ErrorCategory.USER, "%s"),
    /** Something the system reserves for itself, e.g. creating a table in information_schema. */
    INSUFFICIENT_PRIVILEGE("42501", ErrorCategory.USER, "%s"),
    /** A definition that cannot work, e.g. a view that (through others) reads itself. */
    INVALID_OBJECT_DEFINITION("42P17", ErrorCategory.USER, "%s"),
    /** A second object of the same name, e.g. two constraints of one table. */
    DUPLICATE_OBJECT("42710", ErrorCategory.USER, "%s"),
    /** An unknown type name, configuration option or other named object that is not a table or column. */
    UNDEFINED_OBJECT("42704", ErrorCategory.USER, "%s"),
    /** A name that is syntactically not allowed (empty, too long, reserved). */
    INVALID_NAME("42602", ErrorCategory.USER, "invalid name: %s"),
    /** A statement that is well-formed but breaks a language rule not covered above. */
    INVALID_SQL_STATEMENT("42000", ErrorCategory.USER, "%s"),
    /** A name of the wrong kind of object, e.g. {@code nextval('t')} of a table or DROP SEQUENCE of a table. */
    WRONG_OBJECT_TYPE("42809", ErrorCategory.USER, "%s"),
    /**
     * An explicit value for a GENERATED ALWAYS identity column without OVERRIDING SYSTEM VALUE. Wrong usage: a
     * NOT NULL violation (use 23502).
     */
    GENERATED_ALWAYS("428C9", ErrorCategory.USER, "%s"),
    /**
     * A window function where none may be (WHERE, GROUP BY, HAVING, nested in another window call), or a window
     * definition that breaks a rule (an unordered RANGE with offsets, a frame ending before it starts). Wrong usage:
     * an aggregate in the wrong clause (use 42803).
     */
    WINDOWING_ERROR("42P20", ErrorCategory.USER, "%s"),
    /**
     * A recursive WITH query of the wrong shape: not {@code non-recursive UNION [ALL] recursive}, or its own name
     * used in the non-recursive term, twice, in a subquery, an outer join or under an aggregate. Wrong usage: a WITH
     * name that is simply unknown (use 42P01).
     */
    INVALID_RECURSION("42P19", ErrorCategory.USER, "%s"),

    // --- class 53: insufficient resources
    /** The disk (or the file system quota) is full. */
    DISK_FULL("53100", ErrorCategory.RESOURCE, "could not write to %s: disk full"),
    /** Memory ran out, e.g. every buffer-pool frame is pinned. */
    OUT_OF_MEMORY("53200", ErrorCategory.RESOURCE, "%s"),

    // --- class 54: program limit exceeded
    /** A row, value or identifier larger than RustyDB can store. */
    PROGRAM_LIMIT_EXCEEDED("54000", ErrorCategory.USER, "%s"),
    /** A call with more arguments than the function takes at most, e.g. GROUPING with 32 arguments. */
    TOO_MANY_ARGUMENTS("54023", ErrorCategory.USER, "%s"),

    // --- class 55: object not in prerequisite state
    /** An object used before it is ready, e.g. {@code currval} before {@code nextval} in the session. */
    OBJECT_NOT_IN_PREREQUISITE_STATE("55000", ErrorCategory.USER, "%s"),
    /** The database file is locked by another process or another open in this JVM. */
    DATABASE_IN_USE("55006", ErrorCategory.USER, "database %s is in use by another process or connection"),

    /** A lock could not be had within the lock timeout (or at once, with NOWAIT). */
    LOCK_NOT_AVAILABLE("55P03", ErrorCategory.CONFLICT, "could not obtain lock: %s"),

    // --- class 57: operator intervention
    /** A statement stopped by {@code Statement.cancel()} or by its query timeout; its changes are rolled back. */
    QUERY_CANCELED("57014", ErrorCategory.USER, "canceling statement due to %s"),

    // --- class 58: system error
    /** An I/O call failed (other than a full disk). */
    IO_ERROR("58030", ErrorCategory.RESOURCE, "I/O error on %s: %s"),

    // --- class XX: internal error
    /** A bug: an invariant did not hold. */
    INTERNAL_ERROR("XX000", ErrorCategory.INTERNAL, "internal error: %s"),
    /** Stored data failed a check; the message names the file and, where known, the page. */
    DATA_CORRUPTED("XX001", ErrorCategory.CORRUPTION, "%s");

    private final String sqlState;
    private final ErrorCategory category;
    private final String template;

    ErrorCode(String sqlState, ErrorCategory category, String template) {
        this.sqlState = sqlState;
        this.category = category;
        this.template = template;
    }

    /** The five-character SQLSTATE. */
    public String sqlState() {
        return sqlState;
    }

    public ErrorCategory category() {
        return category;
    }

    /** The {@link String#format} template of this code's message. */
    public String template() {
        return template;
    }

    /**
     * The vendor code for {@code SQLException.getErrorCode()}: 1000 plus this code's position in the enum. It tells
     * codes of one SQLSTATE apart within one version; programs should test the SQLSTATE, which is stable.
     */
    public int vendorCode() {
        return 1000 + ordinal();
    }
}
