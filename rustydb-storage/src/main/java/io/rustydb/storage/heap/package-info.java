/**
 * Table heaps: a table's rows in a chain of slotted pages, addressed by stable row ids
 * ({@link io.rustydb.storage.heap.RowIds}); {@link io.rustydb.storage.heap.HeapCursor} scans them in place in page
 * memory (prefetching the next page). Large values live in overflow page chains
 * ({@link io.rustydb.storage.heap.OverflowStore}), referenced from rows by an
 * {@link io.rustydb.storage.heap.OverflowRef}. Tuples are opaque bytes here (the row format is
 * {@code io.rustydb.storage.tuple}).
 *
 * <p>May use {@code io.rustydb.core}, {@code io.rustydb.storage.page} and {@code io.rustydb.storage.buffer}; pages are
 * reached only through buffer pool guards.
 */
package io.rustydb.storage.heap;
