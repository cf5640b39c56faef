package io.rustydb.sql.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** SIMILAR TO translation checked against a LIKE model, and PostgreSQL-only syntax translated for Java. */
class PgRegexTest {

    /** LIKE's semantics, written directly: the model a SIMILAR TO pattern without regex operators must agree with. */
    private static boolean like(String s, int si, String p, int pi) {
        if (pi == p.length()) {
            return si == s.length();
        }
        char c = p.charAt(pi);
        if (c == '%') {
            for (int k = si; k <= s.length(); k++) {
                if (like(s, k, p, pi + 1)) {
                    return true;
                }
            }
            return false;
        }
        return si < s.length() && (c == '_' || c == s.charAt(si)) && like(s, si + 1, p, pi + 1);
    }

    @Test
    void similarToWithoutRegexOperatorsIsLike() {
        long seed = Long.getLong("rustydb.test.seed", 20261202L);
        Random random = new Random(seed);
        String patternAlphabet = "ab.%_$^";
        String textAlphabet = "ab.$^";
        for (int i = 0; i < 5000; i++) {
            StringBuilder p = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                p.append(patternAlphabet.charAt(random.nextInt(patternAlphabet.length())));
            }
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                s.append(textAlphabet.charAt(random.nextInt(textAlphabet.length())));
            }
            boolean expected = like(s.toString(), 0, p.toString(), 0);
            boolean actual = PgRegex.similarTo(p.toString(), '\\').matcher(s).matches();
            assertEquals(expected, actual, "seed " + seed + ": '" + s + "' SIMILAR TO '" + p + "'");
        }
    }

    @Test
    void postgresSyntaxIsTranslated() {
        assertEquals("[\\p{Alpha}]+[\\d]", PgRegex.translate("[[:alpha:]]+[[:digit:]]"));
        assertEquals("\\bx\\b", PgRegex.translate("\\yx\\y"));
        assertEquals("a\\.b", PgRegex.similarToRegex("a.b", '\\'));
        assertEquals(".*x.", PgRegex.similarToRegex("%x_", '\\'));
        assertEquals("\\Q%\\E", PgRegex.similarToRegex("#%", '#'));
    }
}
