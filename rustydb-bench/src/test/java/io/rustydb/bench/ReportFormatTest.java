package io.rustydb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    @Test
    void threeSignificantDigitsWithSuffixes() {
        assertEquals("1.23M", Report.fmt(1_234_567));
        assertEquals("123K", Report.fmt(123_456));
        assertEquals("12.3K", Report.fmt(12_345));
        assertEquals("9999", Report.fmt(9999));
        assertEquals("123", Report.fmt(123.4));
        assertEquals("12.3", Report.fmt(12.34));
        assertEquals("1.23", Report.fmt(1.234));
        assertEquals("0.123", Report.fmt(0.12345));
        assertEquals("0.00123", Report.fmt(0.0012345));
        assertEquals("0", Report.fmt(0));
    }

    @Test
    void tpchRatiosKeepSmallValuesReadable() {
        assertEquals("1.50×", TpchSection.ratio(1.5));
        assertEquals("0.12×", TpchSection.ratio(0.123));
        assertEquals("0.00265×", TpchSection.ratio(0.002653));
    }

    @Test
    void abortRateWithCountsBySqlState() {
        assertEquals("0 % (0 of 500)", Report.abortRate(outcome(Map.of("attempts", 500L, "aborts", 0L))));
        assertEquals("1.20 % (12 of 1000: 40001 ×10, HYT00 ×2)", Report.abortRate(outcome(Map.of("attempts", 1000L,
                "aborts", 12L, "aborts 40001", 10L, "aborts HYT00", 2L))));
        assertEquals("< 0.01 % (1 of 100000: 40P01 ×1)", Report.abortRate(outcome(Map.of("attempts", 100_000L,
                "aborts", 1L, "aborts 40P01", 1L))));
        assertEquals("–", Report.abortRate(outcome(Map.of())));
    }

    private static Outcome outcome(Map<String, Long> counts) {
        return Outcome.ok(Stats.of(new double[] {1}), null, counts);
    }
}
