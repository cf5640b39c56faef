package io.rustydb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void medianAndQuartilesOfOddCount() {
        Stats s = Stats.of(new double[] {5, 1, 3, 2, 4});
        assertEquals(3, s.median());
        assertEquals(1, s.min());
        assertEquals(5, s.max());
        assertEquals(2, s.q1());
        assertEquals(4, s.q3());
    }

    @Test
    void medianOfEvenCountInterpolates() {
        assertEquals(2.5, Stats.of(new double[] {4, 1, 3, 2}).median());
    }

    @Test
    void oneSample() {
        Stats s = Stats.of(new double[] {7});
        assertEquals(7, s.median());
        assertEquals(7, s.q1());
        assertEquals(7, s.q3());
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(new double[0]));
    }
}
