package io.rustydb.core.type;

/**
 * SQL three-valued logic over {@link Boolean}, with {@code null} as UNKNOWN.
 *
 * <pre>
 *  AND   | T  F  U        OR    | T  F  U        NOT
 *  ------+---------       ------+---------       T -&gt; F
 *  T     | T  F  U        T     | T  T  T        F -&gt; T
 *  F     | F  F  F        F     | T  F  U        U -&gt; U
 *  U     | U  F  U        U     | T  U  U
 * </pre>
 */
public final class Logic {
    private Logic() {
    }

    public static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return Boolean.FALSE;
        }
        return a == null || b == null ? null : Boolean.TRUE;
    }

    public static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return Boolean.TRUE;
        }
        return a == null || b == null ? null : Boolean.FALSE;
    }

    public static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    /** Whether a predicate result lets a row through (WHERE, HAVING, ON, CHECK's failure test): only TRUE does. */
    public static boolean isTrue(Object v) {
        return Boolean.TRUE.equals(v);
    }

    /** Whether {@code v} is FALSE (not TRUE and not UNKNOWN). */
    public static boolean isFalse(Object v) {
        return Boolean.FALSE.equals(v);
    }
}
