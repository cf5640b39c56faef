package io.rustydb.txn.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The mode lattice and the key value type, checked against tables written out here independently of LockMode. */
@Timeout(10)
class LockModeTest {
    private static final LockMode[] M = LockMode.values();

    /** The textbook compatibility matrix, rows and columns IS, IX, S, SIX, X. */
    static final String[] COMPATIBLE = {
        "++++-",
        "++---",
        "+-+--",
        "+----",
        "-----",
    };

    /** Row covers column. */
    private static final String[] COVERS = {
        "+----",
        "++---",
        "+-+--",
        "++++-",
        "+++++",
    };

    static boolean expectedCompatible(LockMode a, LockMode b) {
        return COMPATIBLE[a.ordinal()].charAt(b.ordinal()) == '+';
    }

    @Test
    void compatibilityMatrix() {
        for (LockMode a : M) {
            for (LockMode b : M) {
                assertEquals(expectedCompatible(a, b), a.compatibleWith(b), a + " with " + b);
                assertEquals(a.compatibleWith(b), b.compatibleWith(a), "symmetric " + a + "/" + b);
            }
        }
    }

    @Test
    void coversIsAPartialOrder() {
        for (LockMode a : M) {
            for (LockMode b : M) {
                assertEquals(COVERS[a.ordinal()].charAt(b.ordinal()) == '+', a.covers(b), a + " covers " + b);
                if (a != b && a.covers(b)) {
                    assertFalse(b.covers(a), "antisymmetric " + a + "/" + b);
                }
                // a stronger mode conflicts with at least everything the weaker one conflicts with
                if (a.covers(b)) {
                    for (LockMode c : M) {
                        assertTrue(!b.compatibleWith(c) ? !a.compatibleWith(c) : true, a + " > " + b + " vs " + c);
                    }
                }
            }
        }
    }

    @Test
    void joinIsTheLeastUpperBound() {
        assertEquals(LockMode.SIX, LockMode.S.join(LockMode.IX));
        assertEquals(LockMode.SIX, LockMode.IX.join(LockMode.S));
        assertEquals(LockMode.S, LockMode.IS.join(LockMode.S));
        assertEquals(LockMode.X, LockMode.SIX.join(LockMode.X));
        for (LockMode a : M) {
            for (LockMode b : M) {
                LockMode j = a.join(b);
                assertTrue(j.covers(a) && j.covers(b), a + " join " + b + " = " + j);
                assertEquals(j, b.join(a));
                for (LockMode c : M) {
                    if (c.covers(a) && c.covers(b)) {
                        assertTrue(c.covers(j), c + " covers both " + a + " and " + b + " but not " + j);
                    }
                }
            }
        }
    }

    @Test
    void keysAreValues() {
        assertEquals(LockKey.row(3, 1234), LockKey.row(3, 1234));
        assertEquals(LockKey.row(3, 1234).hashCode(), LockKey.row(3, 1234).hashCode());
        assertFalse(LockKey.row(3, 1234).equals(LockKey.row(4, 1234)));
        assertFalse(LockKey.table(3).equals(LockKey.transaction(3)));
        Map<LockKey, String> names = Map.of(
                LockKey.database(), "database",
                LockKey.table(3), "table 3",
                LockKey.row(3, 1234), "row (3, 1234)",
                LockKey.transaction(12), "transaction 12");
        names.forEach((k, s) -> assertEquals(s, k.toString()));
        assertEquals(LockKey.table(3), LockKey.row(3, 1234).parent());
        assertEquals(LockKey.database(), LockKey.table(3).parent());
        assertNull(LockKey.database().parent());
        assertNull(LockKey.transaction(1).parent());
        assertThrows(IllegalArgumentException.class, () -> LockKey.transaction(0));
        assertThrows(IllegalArgumentException.class, () -> new LockKey(LockKey.Kind.TABLE, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> LockWait.timeout(-1));
        assertThrows(IllegalArgumentException.class, () -> new LockWait(LockWait.Policy.NOWAIT, 5));
    }
}
