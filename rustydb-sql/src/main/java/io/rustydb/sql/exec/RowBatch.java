package io.rustydb.sql.exec;

/**
 * A batch of up to {@link #CAPACITY} rows exchanged between operators, stored column by column.
 *
 * <p>Column {@code c} of row {@code r} is {@code column(c)[r]}; SQL NULL is {@code null}. An optional selection
 * vector lists the live rows (a filter narrows it instead of copying rows): when it is absent, rows
 * {@code 0..size-1} are all live. Use {@link #rowCount()} and {@link #row(int)} to walk live rows.
 * A batch is reused by the operator that owns it: consumers must not keep it past their next call.
 */
public final class RowBatch {
    /** Rows per batch: large enough to amortise per-batch work, small enough to stay in cache. */
    public static final int CAPACITY = 1024;

    private final Object[][] columns;
    private int size;
    private int[] selection;
    private int selectedCount;

    public RowBatch(int columnCount) {
        this(columnCount, CAPACITY);
    }

    public RowBatch(int columnCount, int capacity) {
        this.columns = new Object[columnCount][capacity];
    }

    public int columnCount() {
        return columns.length;
    }

    public int capacity() {
        return columns.length == 0 ? CAPACITY : columns[0].length;
    }

    /** The values of column {@code index}, indexed by physical row. */
    public Object[] column(int index) {
        return columns[index];
    }

    /** The number of physical rows filled (live or not). */
    public int size() {
        return size;
    }

    /** Sets the number of physical rows and clears any selection. */
    public void setSize(int size) {
        this.size = size;
        this.selection = null;
    }

    /** Restricts the live rows to {@code selection[0..count-1]} (physical row numbers, ascending). */
    public void select(int[] selection, int count) {
        this.selection = selection;
        this.selectedCount = count;
    }

    /** The number of live rows. */
    public int rowCount() {
        return selection == null ? size : selectedCount;
    }

    /** The physical row number of the {@code i}-th live row. */
    public int row(int i) {
        return selection == null ? i : selection[i];
    }

    public boolean isFull() {
        return size == capacity();
    }
}
