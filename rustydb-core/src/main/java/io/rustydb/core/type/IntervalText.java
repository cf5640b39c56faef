package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text forms of {@link Interval}, as PostgreSQL reads and (with {@code IntervalStyle = postgres}) writes them.
 *
 * <p>Input (case-insensitive, surrounding whitespace ignored):
 * <pre>
 * postgres      [@] item item ... [ago]      e.g. 1 year 2 mons, 3 days 04:05:06, -1 day +02:03, 1.5 weeks, 1 day ago
 *   item        number unit | number | time | years-months
 *   unit        microsecond(s) us usec(s), millisecond(s) ms msec(s), second(s) s sec(s), minute(s) m min(s),
 *               hour(s) h hr(s), day(s) d, week(s) w, month(s) mon(s), year(s) y yr(s), decade(s) dec(s),
 *               century c centuries, millennium millennia mil(s)
 *   time        [+-]h:mm[:ss[.ffffff]]   hours of any size; minutes and seconds 0-59 (else 22008)
 *   years-months [+-]y-m                  SQL standard: '1-2' is 1 year 2 mons
 * ISO 8601      P[nY][nM][nW][nD][T[nH][nM][nS]]   e.g. P1Y2M, PT36H, P1DT2H3M4.5S, P-1W
 * </pre>
 * A number without a unit takes the unit of the item after it being a time (it is then days: {@code '3 04:05'}),
 * else the last field of the {@link IntervalQualifier} ({@code INTERVAL '3' DAY}), else seconds ({@code '90'} is
 * {@code 00:01:30}). Fractions cascade down as in PostgreSQL: {@code 1.5 years} is 1 year 6 mons,
 * {@code 1.5 months} is 1 mon 15 days, {@code 1.5 days} is 1 day 12:00:00 (months of 30 days, days of 24 hours).
 * {@code ago} negates the whole value. Text of the wrong shape (unknown word, a unit twice, a unit without a
 * number, nothing at all) is 22007; a field out of range is 22008.
 *
 * <p>Output: {@code [n year[s]] [n mon[s]] [n day[s]] [[+-]hh:mm:ss[.ffffff]]}, each part only when non-zero (the
 * time also when everything is zero: {@code 00:00:00}); years and months come from the month field (12 to a year),
 * hours, minutes and seconds from the microseconds (hours not carried into days). A part is negative when its
 * field is; a positive part after a negative one gets a {@code +}: {@code -1 years -2 mons +3 days -04:05:06}.
 */
public final class IntervalText {
    private IntervalText() {
    }

    /** The units of the postgres form, with the number of months or microseconds in each. */
    private enum Unit {
        MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR, DECADE, CENTURY, MILLENNIUM
    }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("microsecond", Unit.MICROSECOND), Map.entry("microseconds", Unit.MICROSECOND),
            Map.entry("us", Unit.MICROSECOND), Map.entry("usec", Unit.MICROSECOND), Map.entry("usecs", Unit.MICROSECOND),
            Map.entry("millisecond", Unit.MILLISECOND), Map.entry("milliseconds", Unit.MILLISECOND),
            Map.entry("ms", Unit.MILLISECOND), Map.entry("msec", Unit.MILLISECOND), Map.entry("msecs", Unit.MILLISECOND),
            Map.entry("second", Unit.SECOND), Map.entry("seconds", Unit.SECOND), Map.entry("s", Unit.SECOND),
            Map.entry("sec", Unit.SECOND), Map.entry("secs", Unit.SECOND),
            Map.entry("minute", Unit.MINUTE), Map.entry("minutes", Unit.MINUTE), Map.entry("m", Unit.MINUTE),
            Map.entry("min", Unit.MINUTE), Map.entry("mins", Unit.MINUTE),
            Map.entry("hour", Unit.HOUR), Map.entry("hours", Unit.HOUR), Map.entry("h", Unit.HOUR),
            Map.entry("hr", Unit.HOUR), Map.entry("hrs", Unit.HOUR),
            Map.entry("day", Unit.DAY), Map.entry("days", Unit.DAY), Map.entry("d", Unit.DAY),
            Map.entry("week", Unit.WEEK), Map.entry("weeks", Unit.WEEK), Map.entry("w", Unit.WEEK),
            Map.entry("month", Unit.MONTH), Map.entry("months", Unit.MONTH), Map.entry("mon", Unit.MONTH),
            Map.entry("mons", Unit.MONTH),
            Map.entry("year", Unit.YEAR), Map.entry("years", Unit.YEAR), Map.entry("y", Unit.YEAR),
            Map.entry("yr", Unit.YEAR), Map.entry("yrs", Unit.YEAR),
            Map.entry("decade", Unit.DECADE), Map.entry("decades", Unit.DECADE), Map.entry("dec", Unit.DECADE),
            Map.entry("decs", Unit.DECADE),
            Map.entry("century", Unit.CENTURY), Map.entry("centuries", Unit.CENTURY), Map.entry("c", Unit.CENTURY),
            Map.entry("cent", Unit.CENTURY),
            Map.entry("millennium", Unit.MILLENNIUM), Map.entry("millennia", Unit.MILLENNIUM),
            Map.entry("millenniums", Unit.MILLENNIUM), Map.entry("mil", Unit.MILLENNIUM),
            Map.entry("mils", Unit.MILLENNIUM));

    /** Reads interval text with no qualifier; see the class comment. */
    public static Interval parse(String text) {
        return parse(text, null);
    }

    /** Reads interval text under {@code qualifier} (or {@code null}), truncated to its fields. */
    public static Interval parse(String text, IntervalQualifier qualifier) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("@")) {
            t = t.substring(1).strip();
        }
        if (t.isEmpty()) {
            throw badFormat(text);
        }
        Interval v = t.charAt(0) == 'p' ? new Builder(text).iso(t) : new Builder(text).postgres(t, qualifier);
        return qualifier == null ? v : qualifier.truncate(v);
    }

    /** Writes PostgreSQL's default text; see the class comment. */
    public static String format(Interval v) {
        StringBuilder sb = new StringBuilder();
        boolean[] state = {true, false}; // {nothing written yet, the last part written was negative}
        part(sb, state, v.months() / Interval.MONTHS_PER_YEAR, "year");
        part(sb, state, v.months() % Interval.MONTHS_PER_YEAR, "mon");
        part(sb, state, v.days(), "day");
        long micros = v.micros();
        if (state[0] || micros != 0) {
            long hours = micros / Interval.MICROS_PER_HOUR;
            long minutes = micros % Interval.MICROS_PER_HOUR / Interval.MICROS_PER_MINUTE;
            long seconds = micros % Interval.MICROS_PER_MINUTE / Interval.MICROS_PER_SECOND;
            long fraction = micros % Interval.MICROS_PER_SECOND;
            if (!state[0]) {
                sb.append(' ');
            }
            sb.append(micros < 0 ? "-" : state[1] ? "+" : "");
            twoDigits(sb, Math.abs(hours)).append(':');
            twoDigits(sb, Math.abs(minutes)).append(':');
            twoDigits(sb, Math.abs(seconds));
            appendFraction(sb, Math.abs(fraction));
        }
        return sb.toString();
    }

    /** {@code .ffffff} without trailing zeros, nothing when {@code micros} is 0. */
    static void appendFraction(StringBuilder sb, long micros) {
        if (micros == 0) {
            return;
        }
        String digits = String.valueOf(1_000_000 + micros).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        sb.append('.').append(digits, 0, end);
    }

    private static StringBuilder twoDigits(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    private static void part(StringBuilder sb, boolean[] state, int value, String unit) {
        if (value == 0) {
            return;
        }
        if (!state[0]) {
            sb.append(' ');
        }
        if (state[1] && value > 0) {
            sb.append('+');
        }
        sb.append(value).append(' ').append(unit);
        if (value != 1) {
            sb.append('s');
        }
        state[1] = value < 0;
        state[0] = false;
    }

    static DbException badFormat(String text) {
        return new DbException(ErrorCode.INVALID_DATETIME_FORMAT, "interval", text);
    }

    private static DbException fieldOutOfRange(String text) {
        return new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval field value out of range: \"" + text + "\"");
    }

    /** The three fields being summed while one text is read; every step is overflow-checked (22008). */
    private static final class Builder {
        private final String text;
        private long months;
        private long days;
        private long micros;

        Builder(String text) {
            this.text = text;
        }

        /** The postgres and SQL-standard forms, read right to left as PostgreSQL's DecodeInterval does. */
        Interval postgres(String t, IntervalQualifier qualifier) {
            List<String> tokens = tokens(t);
            Unit pending = null; // the unit written after the number being read
            boolean afterTime = false; // the token to the right was a time: a bare number here is days
            boolean ago = false;
            EnumSet<Unit> seen = EnumSet.noneOf(Unit.class);
            for (int i = tokens.size() - 1; i >= 0; i--) {
                String tok = tokens.get(i);
                char c = tok.charAt(0);
                boolean rightIsTime = afterTime;
                afterTime = false;
                if (Character.isLetter(c)) {
                    if (pending != null) {
                        throw badFormat(text);
                    }
                    if (tok.equals("ago")) {
                        if (i != tokens.size() - 1 || ago) {
                            throw badFormat(text);
                        }
                        ago = true;
                        continue;
                    }
                    pending = UNITS.get(tok);
                    if (pending == null) {
                        throw badFormat(text);
                    }
                    continue;
                }
                if (tok.indexOf(':') >= 0) {
                    if (pending != null || !seen.add(Unit.HOUR)) {
                        throw badFormat(text);
                    }
                    boolean minutesFirst = qualifier != null && qualifier.leading() == IntervalQualifier.Unit.MINUTE
                            && qualifier.trailing() == IntervalQualifier.Unit.SECOND;
                    time(tok, minutesFirst);
                    afterTime = true;
                    continue;
                }
                if (tok.indexOf('-', 1) > 0) {
                    if (pending != null || !seen.add(Unit.YEAR) || !seen.add(Unit.MONTH)) {
                        throw badFormat(text);
                    }
                    yearsMonths(tok);
                    continue;
                }
                Unit unit = pending != null ? pending : rightIsTime ? Unit.DAY : defaultUnit(qualifier);
                pending = null;
                if (!seen.add(unit)) {
                    throw badFormat(text);
                }
                number(tok, unit);
            }
            if (pending != null) {
                throw badFormat(text);
            }
            Interval v = build();
            return ago ? v.negate() : v;
        }

        private static Unit defaultUnit(IntervalQualifier q) {
            if (q == null) {
                return Unit.SECOND;
            }
            return switch (q.trailing()) {
                case YEAR -> Unit.YEAR;
                case MONTH -> Unit.MONTH;
                case DAY -> Unit.DAY;
                case HOUR -> Unit.HOUR;
                case MINUTE -> Unit.MINUTE;
                case SECOND -> Unit.SECOND;
            };
        }

        /** Splits into words, numbers ({@code -1.5}), times ({@code 04:05:06}) and years-months ({@code 1-2}). */
        private List<String> tokens(String t) {
            List<String> out = new ArrayList<>();
            int i = 0;
            int n = t.length();
            while (i < n) {
                char c = t.charAt(i);
                if (Character.isWhitespace(c) || c == ',') {
                    i++;
                } else if (Character.isLetter(c)) {
                    int start = i;
                    while (i < n && Character.isLetter(t.charAt(i))) {
                        i++;
                    }
                    out.add(t.substring(start, i));
                } else if (c == '+' || c == '-' || c == '.' || Character.isDigit(c)) {
                    int start = i++;
                    while (i < n) {
                        char d = t.charAt(i);
                        if (Character.isDigit(d) || d == '.' || d == ':'
                                || d == '-' && Character.isDigit(t.charAt(i - 1))) {
                            i++;
                        } else {
                            break;
                        }
                    }
                    out.add(t.substring(start, i));
                } else {
                    throw badFormat(text);
                }
            }
            return out;
        }

        private void number(String tok, Unit unit) {
            BigDecimal value;
            try {
                value = new BigDecimal(tok);
            } catch (NumberFormatException e) {
                throw badFormat(text);
            }
            long whole;
            try {
                whole = value.toBigInteger().longValueExact();
            } catch (ArithmeticException e) {
                throw fieldOutOfRange(text);
            }
            double frac = value.subtract(BigDecimal.valueOf(whole)).doubleValue();
            add(unit, whole, frac);
        }

        /** Adds {@code whole + frac} of {@code unit}, cascading the fraction as PostgreSQL does. */
        private void add(Unit unit, long whole, double frac) {
            switch (unit) {
                case MICROSECOND -> addMicros(whole, frac, 1);
                case MILLISECOND -> addMicros(whole, frac, 1000);
                case SECOND -> addMicros(whole, frac, Interval.MICROS_PER_SECOND);
                case MINUTE -> addMicros(whole, frac, Interval.MICROS_PER_MINUTE);
                case HOUR -> addMicros(whole, frac, Interval.MICROS_PER_HOUR);
                case DAY -> {
                    days = exactAdd(days, whole);
                    micros = exactAdd(micros, rint(frac * Interval.MICROS_PER_DAY));
                }
                case WEEK -> {
                    days = exactAdd(days, exactMultiply(whole, 7));
                    fractionalDays(frac * 7);
                }
                case MONTH -> {
                    months = exactAdd(months, whole);
                    fractionalDays(frac * Interval.DAYS_PER_MONTH);
                }
                case YEAR -> addMonths(whole, frac, 12);
                case DECADE -> addMonths(whole, frac, 120);
                case CENTURY -> addMonths(whole, frac, 1200);
                case MILLENNIUM -> addMonths(whole, frac, 12000);
            }
        }

        private void addMicros(long whole, double frac, long scale) {
            micros = exactAdd(micros, exactAdd(exactMultiply(whole, scale), rint(frac * scale)));
        }

        private void addMonths(long whole, double frac, long scale) {
            months = exactAdd(months, exactAdd(exactMultiply(whole, scale), rint(frac * scale)));
        }

        private void fractionalDays(double extraDays) {
            long whole = (long) extraDays;
            days = exactAdd(days, whole);
            micros = exactAdd(micros, rint((extraDays - whole) * Interval.MICROS_PER_DAY));
        }

        /** {@code [+-]h:mm[:ss[.f]]}, or {@code [+-]mm:ss[.f]} when {@code minutesFirst} and two parts. */
        private void time(String tok, boolean minutesFirst) {
            boolean negative = tok.charAt(0) == '-';
            String body = tok.charAt(0) == '-' || tok.charAt(0) == '+' ? tok.substring(1) : tok;
            String[] parts = body.split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw badFormat(text);
            }
            long h;
            long m;
            String secondsText;
            boolean minutesSeconds = parts.length == 2 && (minutesFirst || parts[1].indexOf('.') >= 0);
            if (minutesSeconds) {
                h = 0;
                m = digits(parts[0]);
                secondsText = parts[1];
            } else {
                h = digits(parts[0]);
                m = digits(parts[1]);
                secondsText = parts.length == 3 ? parts[2] : "0";
            }
            if (secondsText.isEmpty() || secondsText.startsWith(".") || secondsText.indexOf('-') >= 0) {
                throw badFormat(text);
            }
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(secondsText);
            } catch (NumberFormatException e) {
                throw badFormat(text);
            }
            if (!minutesSeconds && m > 59 || seconds.compareTo(BigDecimal.valueOf(60)) > 0) {
                throw fieldOutOfRange(text);
            }
            long secondMicros = seconds.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_EVEN).longValue();
            long total = exactAdd(exactAdd(exactMultiply(h, Interval.MICROS_PER_HOUR),
                    exactMultiply(m, Interval.MICROS_PER_MINUTE)), secondMicros);
            micros = exactAdd(micros, negative ? -total : total);
        }

        private void yearsMonths(String tok) {
            boolean negative = tok.charAt(0) == '-';
            String body = tok.charAt(0) == '-' || tok.charAt(0) == '+' ? tok.substring(1) : tok;
            int dash = body.indexOf('-');
            long y = digits(body.substring(0, dash));
            long m = digits(body.substring(dash + 1));
            if (m > 11) {
                throw fieldOutOfRange(text);
            }
            long total = exactAdd(exactMultiply(y, 12), m);
            months = exactAdd(months, negative ? -total : total);
        }

        private long digits(String s) {
            if (s.isEmpty()) {
                throw badFormat(text);
            }
            for (int i = 0; i < s.length(); i++) {
                if (!Character.isDigit(s.charAt(i))) {
                    throw badFormat(text);
                }
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw fieldOutOfRange(text);
            }
        }

        /** ISO 8601 with designators: {@code P[nY][nM][nW][nD][T[nH][nM][nS]]}, signed and fractional numbers. */
        Interval iso(String t) {
            int i = 1;
            boolean timePart = false;
            boolean any = false;
            EnumSet<Unit> seen = EnumSet.noneOf(Unit.class);
            while (i < t.length()) {
                char c = t.charAt(i);
                if (c == 't') {
                    if (timePart || i == t.length() - 1) {
                        throw badFormat(text);
                    }
                    timePart = true;
                    i++;
                    continue;
                }
                int start = i;
                if (c == '+' || c == '-') {
                    i++;
                }
                while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
                    i++;
                }
                if (i == start || i >= t.length()) {
                    throw badFormat(text);
                }
                String number = t.substring(start, i);
                char designator = t.charAt(i++);
                Unit unit = switch (designator) {
                    case 'y' -> timePart ? null : Unit.YEAR;
                    case 'm' -> timePart ? Unit.MINUTE : Unit.MONTH;
                    case 'w' -> timePart ? null : Unit.WEEK;
                    case 'd' -> timePart ? null : Unit.DAY;
                    case 'h' -> timePart ? Unit.HOUR : null;
                    case 's' -> timePart ? Unit.SECOND : null;
                    default -> null;
                };
                if (unit == null || !seen.add(unit)) {
                    throw badFormat(text);
                }
                number(number, unit);
                any = true;
            }
            if (!any) {
                throw badFormat(text);
            }
            return build();
        }

        private Interval build() {
            if (months != (int) months || days != (int) days) {
                throw fieldOutOfRange(text);
            }
            return Interval.of((int) months, (int) days, micros);
        }

        private long rint(double v) {
            double r = Math.rint(v);
            if (r < -0x1p63 || r >= 0x1p63) {
                throw fieldOutOfRange(text);
            }
            return (long) r;
        }

        private long exactAdd(long a, long b) {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException e) {
                throw fieldOutOfRange(text);
            }
        }

        private long exactMultiply(long a, long b) {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException e) {
                throw fieldOutOfRange(text);
            }
        }
    }
}
