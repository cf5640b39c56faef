package io.rustydb.index.key;

import io.rustydb.core.type.TypeId;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * DATE, TIME, TIMESTAMP and TIMESTAMP WITH TIME ZONE as counts on their time line ({@link OrderedVarint} for the
 * count, so common values stay short):
 *
 * <pre>
 *  DATE          varint(epoch day)
 *  TIME          varint(nano of day)
 *  TIMESTAMP     varint(epoch second, read as UTC) | nano of second, 4 bytes big-endian
 *  TIMESTAMP_TZ  varint(epoch second of the instant) | nano of second, 4 bytes big-endian
 * </pre>
 *
 * TIMESTAMP WITH TIME ZONE orders by instant, as {@link io.rustydb.core.type.Values#compare} does, and decodes to
 * an {@link OffsetDateTime} at {@link ZoneOffset#UTC} (RustyDB's normal form for the type).
 */
final class TemporalEncoder implements ValueEncoder {
    private static final TemporalEncoder DATE = new TemporalEncoder(TypeId.DATE);
    private static final TemporalEncoder TIME = new TemporalEncoder(TypeId.TIME);
    private static final TemporalEncoder TIMESTAMP = new TemporalEncoder(TypeId.TIMESTAMP);
    private static final TemporalEncoder TIMESTAMP_TZ = new TemporalEncoder(TypeId.TIMESTAMP_TZ);
    private static final int NANOS_PER_SECOND = 1_000_000_000;

    private final TypeId id;

    private TemporalEncoder(TypeId id) {
        this.id = id;
    }

    static TemporalEncoder of(TypeId id) {
        switch (id) {
            case DATE: return DATE;
            case TIME: return TIME;
            case TIMESTAMP: return TIMESTAMP;
            case TIMESTAMP_TZ: return TIMESTAMP_TZ;
            default: throw new IllegalArgumentException(id.name());
        }
    }

    @Override
    public void encode(Object value, KeyWriter out) {
        switch (id) {
            case DATE:
                OrderedVarint.put(out, ((LocalDate) value).toEpochDay());
                break;
            case TIME:
                OrderedVarint.put(out, ((LocalTime) value).toNanoOfDay());
                break;
            case TIMESTAMP:
                LocalDateTime t = (LocalDateTime) value;
                OrderedVarint.put(out, t.toEpochSecond(ZoneOffset.UTC));
                out.putBigEndian(t.getNano(), 4);
                break;
            default:
                Instant i = ((OffsetDateTime) value).toInstant();
                OrderedVarint.put(out, i.getEpochSecond());
                out.putBigEndian(i.getNano(), 4);
                break;
        }
    }

    @Override
    public Object decode(KeyReader in) {
        try {
            switch (id) {
                case DATE:
                    return LocalDate.ofEpochDay(OrderedVarint.get(in));
                case TIME:
                    return LocalTime.ofNanoOfDay(OrderedVarint.get(in));
                case TIMESTAMP: {
                    long seconds = OrderedVarint.get(in);
                    return LocalDateTime.ofEpochSecond(seconds, nanos(in), ZoneOffset.UTC);
                }
                default: {
                    long seconds = OrderedVarint.get(in);
                    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos(in)), ZoneOffset.UTC);
                }
            }
        } catch (DateTimeException e) {
            throw in.corrupt(id.name() + " out of range: " + e.getMessage());
        }
    }

    private static int nanos(KeyReader in) {
        long nanos = in.getBigEndian(4);
        if (nanos >= NANOS_PER_SECOND) {
            throw in.corrupt("nano of second " + nanos + " out of range");
        }
        return (int) nanos;
    }
}
