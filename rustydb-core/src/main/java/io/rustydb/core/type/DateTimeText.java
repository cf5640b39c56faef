package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text forms of DATE, TIME, TIMESTAMP and TIMESTAMP WITH TIME ZONE, in ISO 8601 / PostgreSQL style.
 *
 * <p>Input (surrounding whitespace ignored):
 * <pre>
 * date       Y-M-D [BC]           year 1+ digits, month and day 1-2 digits; e.g. 2024-01-02, 2024-1-2
 * time       h:m[:s[.fffffffff]]  fraction digits beyond nanoseconds are dropped
 * timestamp  date [(' '|'T') time] [zone]
 * zone       Z | UTC | GMT | (+|-)hh[[:]mm[[:]ss]]
 * </pre>
 * A zone on a TIMESTAMP (without time zone) is ignored, as in PostgreSQL; a TIMESTAMP WITH TIME ZONE without a
 * zone is read as UTC (the session time zone is always UTC). A DATE may be read from timestamp text (the time is
 * dropped). Text of the wrong shape is 22007; well-shaped text with a field out of range (month 13, Feb 30,
 * 25:00) is 22008, as PostgreSQL reports them.
 *
 * <p>Output: {@code 2024-01-02}, {@code 03:04:05.123} (fraction without trailing zeros, omitted when zero),
 * {@code 2024-01-02 03:04:05.123}, {@code 2024-01-02 03:04:05.123+00}; years before 1 print as
 * {@code 0044-03-15 BC}.
 */
final class DateTimeText {
    private DateTimeText() {
    }

    private static final Pattern DATE = Pattern.compile("([0-9]{1,9})-([0-9]{1,2})-([0-9]{1,2})");
    private static final Pattern TIME = Pattern.compile("([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\\.([0-9]*))?)?");
    private static final Pattern ZONE = Pattern.compile(
            "\\s*(?:([zZ])|(?i:(UTC|GMT))|([+-])([0-9]{1,2})(?::?([0-9]{2}))?(?::?([0-9]{2}))?)");
    private static final Pattern TIMESTAMP = Pattern.compile(
            DATE.pattern() + "(?:(?:\\s+|[tT])" + TIME.pattern() + ")?(" + ZONE.pattern() + ")?(\\s+(?i:BC))?");
    private static final Pattern TIME_WITH_ZONE = Pattern.compile(TIME.pattern() + "(" + ZONE.pattern() + ")?");

    static LocalDate parseDate(String text) {
        String t = text.strip();
        Matcher m = TIMESTAMP.matcher(t);
        if (!m.matches()) {
            throw badFormat("date", text);
        }
        return date(m, text);
    }

    static LocalTime parseTime(String text) {
        String t = text.strip();
        Matcher m = TIME_WITH_ZONE.matcher(t);
        if (!m.matches()) {
            throw badFormat("time without time zone", text);
        }
        return time(m, 1, text);
    }

    static LocalDateTime parseTimestamp(String text) {
        String t = text.strip();
        Matcher m = TIMESTAMP.matcher(t);
        if (!m.matches()) {
            throw badFormat("timestamp", text);
        }
        LocalDate d = date(m, text);
        LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : time(m, 4, text);
        return LocalDateTime.of(d, time);
    }

    static OffsetDateTime parseTimestampTz(String text) {
        String t = text.strip();
        Matcher m = TIMESTAMP.matcher(t);
        if (!m.matches()) {
            throw badFormat("timestamp with time zone", text);
        }
        LocalDate d = date(m, text);
        LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : time(m, 4, text);
        ZoneOffset offset = ZoneOffset.UTC;
        if (m.group(8) != null && m.group(11) != null) {
            int h = Integer.parseInt(m.group(12));
            int min = m.group(13) == null ? 0 : Integer.parseInt(m.group(13));
            int s = m.group(14) == null ? 0 : Integer.parseInt(m.group(14));
            try {
                offset = m.group(11).equals("-") ? ZoneOffset.ofHoursMinutesSeconds(-h, -min, -s)
                        : ZoneOffset.ofHoursMinutesSeconds(h, min, s);
            } catch (DateTimeException e) {
                throw fieldOverflow(text);
            }
        }
        return OffsetDateTime.of(LocalDateTime.of(d, time), offset).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static LocalDate date(Matcher m, String text) {
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(15) != null) { // BC: 1 BC is year 0, 2 BC is year -1
                if (year == 0) {
                    throw fieldOverflow(text);
                }
                year = 1 - year;
            }
            return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw fieldOverflow(text);
        }
    }

    private static LocalTime time(Matcher m, int first, String text) {
        try {
            int h = Integer.parseInt(m.group(first));
            int min = Integer.parseInt(m.group(first + 1));
            int s = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
            String frac = m.group(first + 3);
            int nanos = 0;
            if (frac != null && !frac.isEmpty()) {
                String nineDigits = frac.length() >= 9 ? frac.substring(0, 9) : (frac + "000000000").substring(0, 9);
                nanos = Integer.parseInt(nineDigits);
            }
            return LocalTime.of(h, min, s, nanos);
        } catch (DateTimeException e) {
            throw fieldOverflow(text);
        }
    }

    private static DbException badFormat(String type, String text) {
        return new DbException(ErrorCode.INVALID_DATETIME_FORMAT, type, text);
    }

    private static DbException fieldOverflow(String text) {
        return new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }

    static String format(LocalDate d) {
        StringBuilder sb = new StringBuilder(13);
        appendDate(sb, d);
        if (d.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    static String format(LocalTime t) {
        StringBuilder sb = new StringBuilder(18);
        appendTime(sb, t);
        return sb.toString();
    }

    static String format(LocalDateTime ts) {
        StringBuilder sb = new StringBuilder(32);
        appendDate(sb, ts.toLocalDate());
        sb.append(' ');
        appendTime(sb, ts.toLocalTime());
        if (ts.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    static String format(OffsetDateTime ts) {
        StringBuilder sb = new StringBuilder(40);
        appendDate(sb, ts.toLocalDate());
        sb.append(' ');
        appendTime(sb, ts.toLocalTime());
        int total = ts.getOffset().getTotalSeconds();
        sb.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        pad2(sb, total / 3600);
        if (total % 3600 != 0) {
            sb.append(':');
            pad2(sb, total / 60 % 60);
            if (total % 60 != 0) {
                sb.append(':');
                pad2(sb, total % 60);
            }
        }
        if (ts.getYear() <= 0) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    private static void appendDate(StringBuilder sb, LocalDate d) {
        int year = d.getYear() <= 0 ? 1 - d.getYear() : d.getYear();
        String y = Integer.toString(year);
        for (int i = y.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(y).append('-');
        pad2(sb, d.getMonthValue());
        sb.append('-');
        pad2(sb, d.getDayOfMonth());
    }

    private static void appendTime(StringBuilder sb, LocalTime t) {
        pad2(sb, t.getHour());
        sb.append(':');
        pad2(sb, t.getMinute());
        sb.append(':');
        pad2(sb, t.getSecond());
        int nanos = t.getNano();
        if (nanos != 0) {
            String f = Integer.toString(1_000_000_000 + nanos).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(f, 0, end);
        }
    }

    private static void pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
