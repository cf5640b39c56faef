package io.rustydb.index.key;

import io.rustydb.core.type.Interval;

/**
 * INTERVAL by its comparison span (see {@link Interval}): the whole days of the span with 30-day months, then the
 * microseconds left over in the day.
 *
 * <pre>
 *  varint(spanDays) | spanMicros, 8 bytes big-endian (0 .. 86_399_999_999)
 * </pre>
 *
 * Intervals equal in SQL ({@code 1 mon}, {@code 30 days}, {@code 720:00:00}) encode alike and decode to one of
 * them ({@link Interval#ofSpan}: as many months as fit, then days, then time), so an index on an interval column
 * gives back a value equal to, not always identical with, the one stored.
 */
final class IntervalEncoder implements ValueEncoder {
    static final IntervalEncoder INSTANCE = new IntervalEncoder();

    private IntervalEncoder() {
    }

    @Override
    public void encode(Object value, KeyWriter out) {
        Interval i = (Interval) value;
        OrderedVarint.put(out, i.spanDays());
        out.putBigEndian(i.spanMicros(), 8);
    }

    @Override
    public Object decode(KeyReader in) {
        long days = OrderedVarint.get(in);
        return Interval.ofSpan(days, in.getBigEndian(8));
    }
}
