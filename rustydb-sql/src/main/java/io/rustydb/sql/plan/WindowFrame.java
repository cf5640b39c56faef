package io.rustydb.sql.plan;

import io.rustydb.sql.expr.Expr;

/**
 * The frame of a window call: the rows of the partition, relative to the current row, that an aggregate or
 * FIRST_VALUE/LAST_VALUE/NTH_VALUE reads. The binder checks the standard's rules (the start is not UNBOUNDED
 * FOLLOWING, the end is not UNBOUNDED PRECEDING, the start does not come after the end's kind); offsets are
 * constants or parameters evaluated once per execution.
 *
 * @param unit  ROWS counts rows, RANGE compares the (single) ORDER BY value, GROUPS counts peer groups
 * @param start where the frame starts
 * @param end   where the frame ends (inclusive)
 */
public record WindowFrame(Unit unit, Bound start, Bound end) {
    /** How offsets are measured. */
    public enum Unit { ROWS, RANGE, GROUPS }

    /** The kinds of frame bound. */
    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /** One end of the frame; {@code offset} is set for PRECEDING and FOLLOWING only. */
    public record Bound(BoundKind kind, Expr offset) {
        public static final Bound UNBOUNDED_PRECEDING = new Bound(BoundKind.UNBOUNDED_PRECEDING, null);
        public static final Bound CURRENT_ROW = new Bound(BoundKind.CURRENT_ROW, null);
        public static final Bound UNBOUNDED_FOLLOWING = new Bound(BoundKind.UNBOUNDED_FOLLOWING, null);

        @Override
        public String toString() {
            return offset == null ? kind.name().replace('_', ' ') : offset + " " + kind.name();
        }
    }

    /**
     * The standard's default frame: with ORDER BY, from the partition's start to the current row's last peer
     * (RANGE UNBOUNDED PRECEDING); without, the whole partition (every row is a peer of every other).
     */
    public static final WindowFrame DEFAULT = new WindowFrame(Unit.RANGE, Bound.UNBOUNDED_PRECEDING, Bound.CURRENT_ROW);

    @Override
    public String toString() {
        return unit + " BETWEEN " + start + " AND " + end;
    }
}
