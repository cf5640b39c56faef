/**
 * Layer 3: indexes. {@code io.rustydb.index.key} turns SQL values into byte strings whose unsigned lexicographic
 * order is the SQL order of the values (composite keys, descending columns, NULLS FIRST/LAST);
 * {@code io.rustydb.index.btree} stores such keys in a B+tree of buffer-pool pages, {@code io.rustydb.index.hash}
 * in an extendible hash index (equality lookups only).
 */
package io.rustydb.index;
