/**
 * Binary-comparable index keys: {@link io.rustydb.index.key.KeyCodec} turns a tuple of SQL values into a byte
 * string whose unsigned lexicographic order is the SQL order of the tuples ({@link io.rustydb.core.type.Values}),
 * for composite keys with per-column direction ({@link io.rustydb.index.key.KeyColumn}) and NULL placement. The
 * layout is drawn in {@code KeyCodec}; each type's body has its own package-private encoder class.
 *
 * <p>Pure functions over byte arrays: no I/O, no state. May use only the JDK and {@code io.rustydb.core}.
 */
package io.rustydb.index.key;
