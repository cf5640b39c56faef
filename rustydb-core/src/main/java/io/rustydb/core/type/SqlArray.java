package io.rustydb.core.type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The value of a one-dimensional SQL array ({@code INTEGER[]}, {@code TEXT[]}, ...): an immutable list of elements,
 * each SQL NULL ({@code null}) or a value of the element type's Java class (see {@link DataType#javaClass()}).
 * Subscripts are 1-based, as in SQL; every array starts at 1 (PostgreSQL's custom lower bounds are not supported).
 *
 * <p>{@link #equals}/{@link #hashCode} are Java equality of the element objects (useful in tests); SQL
 * comparison, equality and hashing, which match numbers across classes, are {@link Values#compare},
 * {@link Values#equal} and {@link Values#hash}. {@link #toString} is PostgreSQL's text form (see
 * {@link ArrayText}).
 */
public final class SqlArray {
    private static final SqlArray EMPTY = new SqlArray(new Object[0]);

    private final List<Object> elements;

    private SqlArray(Object[] owned) {
        this.elements = Collections.unmodifiableList(Arrays.asList(owned));
    }

    /** An array of a copy of {@code elements} (which may contain nulls). */
    public static SqlArray of(List<?> elements) {
        return elements.isEmpty() ? EMPTY : new SqlArray(elements.toArray());
    }

    /** An array of a copy of {@code elements} (which may contain nulls). */
    public static SqlArray of(Object... elements) {
        return elements.length == 0 ? EMPTY : new SqlArray(elements.clone());
    }

    /** The array with no elements. */
    public static SqlArray empty() {
        return EMPTY;
    }

    /** The number of elements. */
    public int size() {
        return elements.size();
    }

    /** The element at 1-based {@code subscript}, or {@code null} when out of range (as SQL's {@code a[i]}). */
    public Object at(long subscript) {
        return subscript < 1 || subscript > elements.size() ? null : elements.get((int) subscript - 1);
    }

    /** The elements, unmodifiable, in order. */
    public List<Object> elements() {
        return elements;
    }

    /** A new array of these elements followed by {@code other}'s. */
    public SqlArray concat(SqlArray other) {
        if (other.elements.isEmpty()) {
            return this;
        }
        if (elements.isEmpty()) {
            return other;
        }
        List<Object> all = new ArrayList<>(elements.size() + other.elements.size());
        all.addAll(elements);
        all.addAll(other.elements);
        return new SqlArray(all.toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlArray other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    /** PostgreSQL's text form, e.g. {@code {1,NULL,"a b"}}. */
    @Override
    public String toString() {
        return ArrayText.format(this);
    }
}
