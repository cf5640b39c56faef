package io.rustydb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
