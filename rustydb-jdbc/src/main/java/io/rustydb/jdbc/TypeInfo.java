package io.rustydb.jdbc;

import io.rustydb.core.type.DataType;

/** Precision, scale, class names and display sizes of SQL types as JDBC metadata reports them. */
final class TypeInfo {
    private TypeInfo() {
    }

    /** Digits for numbers, characters for strings and date/times, bytes for binaries; 0 when unbounded. */
    static int precision(DataType t) {
        switch (t.id()) {
            case BOOLEAN:
                return 1;
            case SMALLINT:
                return 5;
            case INTEGER:
                return 10;
            case BIGINT:
                return 19;
            case REAL:
                return 7;
            case DOUBLE:
                return 15;
            case DECIMAL:
                return t.precision() > 0 ? t.precision() : 38;
            case DATE:
                return 10;
            case TIME:
                return 15;
            case TIMESTAMP:
                return 26;
            case TIMESTAMP_TZ:
                return 32;
            case UUID:
                return 36;
            case INTERVAL:
                return 49;
            case CHAR:
            case VARCHAR:
            case VARBINARY:
                return Math.max(t.length(), 0);
            default:
                return 0;
        }
    }

    /** Fraction digits of a DECIMAL; 0 for every other type and for an unconstrained DECIMAL. */
    static int scale(DataType t) {
        return t.scale() > 0 ? t.scale() : 0;
    }

    /** The Java class {@code getObject} returns for the type. */
    static String className(DataType t) {
        if (t.id().isJson()) {
            return String.class.getName();
        }
        if (t.elementType() != null) {
            return java.sql.Array.class.getName();
        }
        return t.id().isBinary() ? byte[].class.getName() : t.javaClass().getName();
    }

    /** Characters needed to display any value of the type. */
    static int displaySize(DataType t) {
        int p = precision(t);
        switch (t.id()) {
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return p + 1;
            case DECIMAL:
                return p + 2;
            case REAL:
            case DOUBLE:
                return 24;
            case BOOLEAN:
                return 5;
            default:
                return p == 0 ? Integer.MAX_VALUE : p;
        }
    }
}
