package io.rustydb.jdbc;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Calendar;

/**
 * The {@code java.sql} date/time values of the setters and getters that take a {@link Calendar}: the calendar's
 * time zone, instead of the JVM's default, says which wall-clock date/time a {@code Date}, {@code Time} or
 * {@code Timestamp} instant stands for (JDBC 4.3, PreparedStatement.setTimestamp(int, Timestamp, Calendar)). A null
 * calendar means the default zone. {@code TIMESTAMP WITH TIME ZONE} values are instants already and ignore it.
 */
final class CalendarValues {
    private CalendarValues() {
    }

    private static ZoneId zone(Calendar cal) {
        return cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
    }

    /** The wall-clock date the instant {@code x} has in the calendar's zone. */
    static LocalDate toLocalDate(Date x, Calendar cal) {
        return x == null ? null : Instant.ofEpochMilli(x.getTime()).atZone(zone(cal)).toLocalDate();
    }

    static LocalTime toLocalTime(Time x, Calendar cal) {
        return x == null ? null : Instant.ofEpochMilli(x.getTime()).atZone(zone(cal)).toLocalTime();
    }

    static LocalDateTime toLocalDateTime(Timestamp x, Calendar cal) {
        return x == null ? null : LocalDateTime.ofInstant(x.toInstant(), zone(cal));
    }

    /** A DATE (or anything castable to one) as the instant of its midnight in the calendar's zone. */
    static Date date(Object value, Calendar cal) throws SQLException {
        LocalDate date = JdbcValues.convert(value, LocalDate.class);
        return date == null ? null : new Date(date.atStartOfDay(zone(cal)).toInstant().toEpochMilli());
    }

    static Time time(Object value, Calendar cal) throws SQLException {
        LocalTime time = JdbcValues.convert(value, LocalTime.class);
        return time == null ? null
                : new Time(time.atDate(LocalDate.EPOCH).atZone(zone(cal)).toInstant().toEpochMilli());
    }

    static Timestamp timestamp(Object value, Calendar cal) throws SQLException {
        if (value instanceof OffsetDateTime t) {
            return Timestamp.from(t.toInstant());
        }
        LocalDateTime dateTime = JdbcValues.convert(value, LocalDateTime.class);
        return dateTime == null ? null : Timestamp.from(dateTime.atZone(zone(cal)).toInstant());
    }
}
