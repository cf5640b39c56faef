package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PostgreSQL date/time template, as {@code TO_CHAR(timestamp, template)}, {@code TO_DATE} and
 * {@code TO_TIMESTAMP} read it. Compiled once per template text; immutable.
 *
 * <p>Patterns (matched case-insensitively, longest first; the case of a name pattern sets the case of its output):
 * <pre>
 * YYYY YYY YY Y   year (4+ digits), last 3/2/1 digits    MM         month 01-12
 * MONTH Month month  month name, blank-padded to 9      MON Mon mon  abbreviated month name
 * DD              day of month 01-31                     DDD        day of year 001-366
 * DAY Day day     day name, blank-padded to 9            DY Dy dy   abbreviated day name
 * D               day of week, Sunday = 1                ID         ISO day of week, Monday = 1
 * HH HH12         hour 01-12                             HH24       hour 00-23
 * MI              minute 00-59                           SS         second 00-59
 * MS              millisecond 000-999                    US         microsecond 000000-999999
 * AM PM am pm A.M. P.M.  meridiem indicator              SSSS       seconds past midnight
 * Q               quarter                                WW IW      week of year (from Jan 1), ISO week
 * CC              century                                J          Julian day
 * TZ tz OF        zone name / offset (UTC, +00) of a TIMESTAMP WITH TIME ZONE, empty otherwise
 * </pre>
 * {@code FM} before a pattern drops its padding (leading zeros, trailing blanks); {@code TH}/{@code th} after a
 * numeric pattern adds the ordinal suffix ({@code 1ST}/{@code 1st}). Text in double quotes is copied; a backslash
 * escapes the next character; anything else is copied as it is.
 *
 * <p>Reading ({@link #parse}): a number takes at most its pattern's digits (all digits when the next item is not a
 * number), names match case-insensitively, a separator in the template skips one separator of the input and
 * whitespace is free. Missing fields default to year 1, January, the 1st, midnight; YY and YYY take the nearest
 * century (YY 00-69 are 20xx, 70-99 19xx). Input that does not fit the template is 22007; a field out of range
 * (month 13, hour 13 with AM/PM, February 30) is 22008.
 */
final class DateTimeTemplate {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};

    /** The patterns, longest first so that DDD wins over DD and MONTH over MON. */
    private enum Field {
        MONTH(5, 0), HH24(4, 2), HH12(4, 2), YYYY(4, 4), SSSS(4, 5), A_M_(4, 0), P_M_(4, 0),
        YYY(3, 3), MON(3, 0), DAY(3, 0), DDD(3, 3),
        HH(2, 2), MI(2, 2), SS(2, 2), MS(2, 3), US(2, 6), AM(2, 0), PM(2, 0), YY(2, 2), MM(2, 2), DY(2, 0), DD(2, 2),
        ID(2, 1), IW(2, 2), WW(2, 2), TZ(2, 0), OF(2, 0), CC(2, 2),
        Y(1, 1), D(1, 1), Q(1, 1), J(1, 7);

        final int length;
        /** Digits a number takes (0: not a number). */
        final int digits;

        Field(int length, int digits) {
            this.length = length;
            this.digits = digits;
        }

        String spelling() {
            return name().replace('_', '.');
        }
    }

    /** How a name pattern was written: {@code MONTH}, {@code Month} or {@code month}. */
    private enum Case { UPPER, CAPITALIZED, LOWER }

    /** One compiled item: a pattern with its modifiers, or literal text. */
    private record Item(Field field, Case letterCase, boolean fill, String ordinal, String literal) {
    }

    private final String text;
    private final List<Item> items;

    private DateTimeTemplate(String text, List<Item> items) {
        this.text = text;
        this.items = items;
    }

    /** Compiles a template. */
    static DateTimeTemplate compile(String template) {
        List<Item> items = new ArrayList<>();
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '"') {
                int end = template.indexOf('"', i + 1);
                end = end < 0 ? n : end;
                items.add(new Item(null, null, false, null, template.substring(i + 1, end)));
                i = Math.min(n, end + 1);
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                items.add(new Item(null, null, false, null, String.valueOf(template.charAt(i + 1))));
                i += 2;
                continue;
            }
            boolean fill = template.regionMatches(true, i, "FM", 0, 2);
            int at = fill ? i + 2 : i;
            Field field = match(template, at);
            if (field == null) {
                items.add(new Item(null, null, false, null, fill ? template.substring(i, i + 2) : String.valueOf(c)));
                i += fill ? 2 : 1;
                continue;
            }
            String written = template.substring(at, at + field.length);
            int end = at + field.length;
            String ordinal = null;
            if (field.digits > 0 && template.regionMatches(true, end, "TH", 0, 2)) {
                ordinal = template.substring(end, end + 2);
                end += 2;
            }
            items.add(new Item(field, caseOf(written), fill, ordinal, null));
            i = end;
        }
        return new DateTimeTemplate(template, List.copyOf(items));
    }

    private static Field match(String s, int at) {
        for (Field f : Field.values()) {
            if (s.regionMatches(true, at, f.spelling(), 0, f.length)) {
                return f;
            }
        }
        return null;
    }

    private static Case caseOf(String written) {
        char first = written.charAt(0);
        if (Character.isLowerCase(first)) {
            return Case.LOWER;
        }
        return written.length() > 1 && Character.isLowerCase(written.charAt(1)) ? Case.CAPITALIZED : Case.UPPER;
    }

    /** {@code TO_CHAR}: the timestamp written by the template; {@code zone} is "UTC" WITH TIME ZONE, else null. */
    String format(LocalDateTime t, boolean withZone) {
        StringBuilder sb = new StringBuilder();
        for (Item item : items) {
            if (item.literal != null) {
                sb.append(item.literal);
                continue;
            }
            String v = value(item, t, withZone);
            sb.append(v);
            if (item.ordinal != null) {
                String suffix = ordinal(Long.parseLong(v.trim().replace("-", "")));
                sb.append(Character.isUpperCase(item.ordinal.charAt(0)) ? suffix.toUpperCase(Locale.ROOT) : suffix);
            }
        }
        return sb.toString();
    }

    private static String value(Item item, LocalDateTime t, boolean withZone) {
        LocalDate d = t.toLocalDate();
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        int dow = d.getDayOfWeek().getValue() % 7; // Sunday = 0
        return switch (item.field) {
            case YYYY -> number(d.getYear() <= 0 ? 1 - d.getYear() : d.getYear(), 4, item.fill);
            case YYY -> number(Math.abs(d.getYear()) % 1000, 3, item.fill);
            case YY -> number(Math.abs(d.getYear()) % 100, 2, item.fill);
            case Y -> number(Math.abs(d.getYear()) % 10, 1, item.fill);
            case CC -> number(d.getYear() > 0 ? (d.getYear() + 99) / 100 : -((99 - d.getYear()) / 100), 2, item.fill);
            case MM -> number(d.getMonthValue(), 2, item.fill);
            case MONTH -> name(MONTHS[d.getMonthValue() - 1], item, 9);
            case MON -> name(MONTHS[d.getMonthValue() - 1].substring(0, 3), item, 0);
            case DD -> number(d.getDayOfMonth(), 2, item.fill);
            case DDD -> number(d.getDayOfYear(), 3, item.fill);
            case DAY -> name(DAYS[dow], item, 9);
            case DY -> name(DAYS[dow].substring(0, 3), item, 0);
            case D -> String.valueOf(dow + 1);
            case ID -> String.valueOf(d.getDayOfWeek().getValue());
            case Q -> String.valueOf((d.getMonthValue() - 1) / 3 + 1);
            case WW -> number((d.getDayOfYear() - 1) / 7 + 1, 2, item.fill);
            case IW -> number(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, item.fill);
            case J -> String.valueOf(d.toEpochDay() + 2_440_588L);
            case HH, HH12 -> number(hour12, 2, item.fill);
            case HH24 -> number(t.getHour(), 2, item.fill);
            case MI -> number(t.getMinute(), 2, item.fill);
            case SS -> number(t.getSecond(), 2, item.fill);
            case SSSS -> String.valueOf(t.toLocalTime().toSecondOfDay());
            case MS -> number(t.getNano() / 1_000_000, 3, item.fill);
            case US -> number(t.getNano() / 1000, 6, item.fill);
            case AM, PM -> cased(t.getHour() < 12 ? "AM" : "PM", item.letterCase);
            case A_M_, P_M_ -> cased(t.getHour() < 12 ? "A.M." : "P.M.", item.letterCase);
            case TZ -> withZone ? cased("UTC", item.letterCase) : "";
            case OF -> withZone ? "+00" : "";
        };
    }

    private static String number(long v, int width, boolean fill) {
        String s = String.valueOf(Math.abs(v));
        StringBuilder sb = new StringBuilder();
        if (v < 0) {
            sb.append('-');
        }
        for (int i = s.length(); !fill && i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    private static String name(String name, Item item, int width) {
        String s = cased(name, item.letterCase);
        StringBuilder sb = new StringBuilder(s);
        while (!item.fill && sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static String cased(String s, Case c) {
        return switch (c) {
            case UPPER -> s.toUpperCase(Locale.ROOT);
            case LOWER -> s.toLowerCase(Locale.ROOT);
            case CAPITALIZED -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    private static String ordinal(long n) {
        long lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** {@code TO_DATE}/{@code TO_TIMESTAMP}: reads {@code input} by the template; see the class comment. */
    LocalDateTime parse(String input) {
        Reader r = new Reader(input);
        for (int k = 0; k < items.size(); k++) {
            Item item = items.get(k);
            if (item.literal != null) {
                r.literal(item.literal);
                continue;
            }
            boolean numberFollows = k + 1 < items.size() && items.get(k + 1).field != null
                    && items.get(k + 1).field.digits > 0;
            r.field(item, numberFollows);
        }
        return r.build();
    }

    /** The state of one {@link #parse}. */
    private final class Reader {
        private final String in;
        private int pos;
        private Integer year;
        private int yearDigits;
        private int month = 1;
        private int day = 1;
        private Integer dayOfYear;
        private long julian = -1;
        private int hour;
        private boolean twelveHour;
        private Boolean pm;
        private int minute;
        private int second;
        private long nanos;
        private long secondOfDay = -1;

        Reader(String in) {
            this.in = in;
        }

        /** Template text: the same character, or any separator for a separator; whitespace is optional. */
        void literal(String lit) {
            for (int i = 0; i < lit.length() && pos < in.length(); i++) {
                char t = lit.charAt(i);
                char c = in.charAt(pos);
                if (Character.isWhitespace(t)) {
                    skipSpaces();
                } else if (c == t || !Character.isLetterOrDigit(t) && !Character.isLetterOrDigit(c)) {
                    pos++;
                } else if (Character.isLetterOrDigit(t)) {
                    throw bad();
                }
            }
        }

        void field(Item item, boolean numberFollows) {
            Field f = item.field;
            skipSpaces();
            if (pos >= in.length()) {
                return; // the input ended: the remaining fields keep their defaults
            }
            switch (f) {
                case MONTH -> month = 1 + name(MONTHS, false);
                case MON -> month = 1 + name(MONTHS, true);
                case DAY -> name(DAYS, false);
                case DY -> name(DAYS, true);
                case AM, PM, A_M_, P_M_ -> meridiem();
                case TZ, OF -> {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "\"" + f.spelling() + "\" in a template read by to_date/to_timestamp");
                }
                default -> {
                    int digits = numberFollows ? f.digits : Integer.MAX_VALUE;
                    String ds = digits(digits, f);
                    if (item.ordinal != null) {
                        skipOrdinal();
                    }
                    long v = Long.parseLong(ds);
                    switch (f) {
                        case YYYY, YYY, YY, Y -> {
                            year = (int) Math.min(v, Integer.MAX_VALUE);
                            yearDigits = f == Field.YYYY ? Math.max(4, ds.length()) : ds.length();
                        }
                        case CC, Q, WW, IW, D, ID -> {
                            // read and checked for shape; they do not set the date (as PostgreSQL when a full date is given)
                        }
                        case MM -> month = (int) Math.min(v, 99);
                        case DD -> day = (int) Math.min(v, 99);
                        case DDD -> dayOfYear = (int) Math.min(v, 999);
                        case J -> julian = v;
                        case HH, HH12 -> {
                            hour = (int) Math.min(v, 99);
                            twelveHour = true;
                        }
                        case HH24 -> hour = (int) Math.min(v, 99);
                        case MI -> minute = (int) Math.min(v, 99);
                        case SS -> second = (int) Math.min(v, 99);
                        case SSSS -> secondOfDay = v;
                        case MS -> nanos += fraction(ds, 3) * 1_000_000L; // '5' is 500 ms: digits of a fraction
                        case US -> nanos += fraction(ds, 6) * 1000L;
                        default -> throw DbException.internal("not a number pattern " + f);
                    }
                }
            }
        }

        private long fraction(String ds, int width) {
            if (ds.length() > width) {
                throw outOfRange();
            }
            long v = Long.parseLong(ds);
            for (int i = ds.length(); i < width; i++) {
                v *= 10;
            }
            return v;
        }

        private String digits(int max, Field f) {
            skipSpaces();
            int start = pos;
            if (pos < in.length() && (in.charAt(pos) == '-' || in.charAt(pos) == '+') && f == Field.YYYY) {
                pos++;
            }
            while (pos < in.length() && pos - start < max && Character.isDigit(in.charAt(pos))) {
                pos++;
            }
            String ds = in.substring(start, pos);
            if (ds.isEmpty() || ds.equals("-") || ds.equals("+")) {
                throw new DbException(ErrorCode.INVALID_DATETIME_FORMAT, "value for \"" + f.spelling() + "\" in "
                        + "template \"" + text + "\"", in);
            }
            if (ds.length() > 18) {
                throw outOfRange();
            }
            return ds.startsWith("+") ? ds.substring(1) : ds;
        }

        private void skipOrdinal() {
            if (pos + 2 <= in.length() && Character.isLetter(in.charAt(pos)) && Character.isLetter(in.charAt(pos + 1))) {
                pos += 2;
            }
        }

        private int name(String[] names, boolean abbreviated) {
            skipSpaces();
            for (int i = 0; i < names.length; i++) {
                String name = abbreviated ? names[i].substring(0, 3) : names[i];
                if (in.regionMatches(true, pos, name, 0, name.length())) {
                    pos += name.length();
                    return i;
                }
            }
            throw bad();
        }

        private void meridiem() {
            skipSpaces();
            for (String m : new String[] {"A.M.", "P.M.", "AM", "PM"}) {
                if (in.regionMatches(true, pos, m, 0, m.length())) {
                    pm = m.charAt(0) == 'P' || m.charAt(0) == 'p';
                    pos += m.length();
                    twelveHour = true;
                    return;
                }
            }
            throw bad();
        }

        private void skipSpaces() {
            while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
                pos++;
            }
        }

        LocalDateTime build() {
            skipSpaces();
            int y = year == null ? 1 : year;
            if (year != null && yearDigits < 4) { // YY, YYY, Y: the nearest century
                y = yearDigits == 1 ? 2000 + y : yearDigits == 2 ? (y < 70 ? 2000 + y : 1900 + y)
                        : (y < 100 ? 2000 + y : 1000 + y);
            }
            int h = hour;
            if (twelveHour) {
                if (h < 1 || h > 12) {
                    throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                            "hour \"" + h + "\" is invalid for the 12-hour clock");
                }
                h = Boolean.TRUE.equals(pm) ? h % 12 + 12 : h % 12;
            }
            try {
                LocalDate date;
                if (julian >= 0) {
                    date = LocalDate.ofEpochDay(julian - 2_440_588L);
                } else if (dayOfYear != null) {
                    date = LocalDate.ofYearDay(y, dayOfYear);
                } else {
                    date = LocalDate.of(y, month, day);
                }
                LocalTime time = secondOfDay >= 0 ? LocalTime.ofSecondOfDay(secondOfDay)
                        : LocalTime.of(h, minute, second);
                return LocalDateTime.of(date, time.plusNanos(nanos));
            } catch (DateTimeException e) {
                throw outOfRange();
            }
        }

        private DbException bad() {
            return new DbException(ErrorCode.INVALID_DATETIME_FORMAT, "template \"" + text + "\"", in);
        }

        private DbException outOfRange() {
            return new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"" + in + "\"");
        }
    }
}
