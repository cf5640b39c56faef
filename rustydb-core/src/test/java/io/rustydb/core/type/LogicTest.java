package io.rustydb.core.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogicTest {
    private static final Boolean T = Boolean.TRUE;
    private static final Boolean F = Boolean.FALSE;
    private static final Boolean U = null;
    private static final Boolean[] ALL = {T, F, U};

    /** Expected tables indexed [a][b] in the order T, F, U. */
    private static final Boolean[][] AND = {{T, F, U}, {F, F, F}, {U, F, U}};
    private static final Boolean[][] OR = {{T, T, T}, {T, F, U}, {T, U, U}};

    @Test
    void truthTables() {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(AND[i][j], Logic.and(ALL[i], ALL[j]), ALL[i] + " AND " + ALL[j]);
                assertEquals(OR[i][j], Logic.or(ALL[i], ALL[j]), ALL[i] + " OR " + ALL[j]);
            }
        }
        assertEquals(F, Logic.not(T));
        assertEquals(T, Logic.not(F));
        assertEquals(U, Logic.not(U));
    }

    @Test
    void deMorganHoldsInThreeValuedLogic() {
        for (Boolean a : ALL) {
            for (Boolean b : ALL) {
                assertEquals(Logic.not(Logic.and(a, b)), Logic.or(Logic.not(a), Logic.not(b)), a + ", " + b);
                assertEquals(Logic.not(Logic.or(a, b)), Logic.and(Logic.not(a), Logic.not(b)), a + ", " + b);
            }
        }
    }

    @Test
    void isTrue() {
        assertTrue(Logic.isTrue(Boolean.TRUE));
        assertFalse(Logic.isTrue(Boolean.FALSE));
        assertFalse(Logic.isTrue(null));
        assertFalse(Logic.isTrue(1));
        assertFalse(Logic.isTrue("true"));
        assertTrue(Logic.isFalse(Boolean.FALSE));
        assertFalse(Logic.isFalse(null));
    }
}
