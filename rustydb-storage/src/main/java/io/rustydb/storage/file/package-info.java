/**
 * Disk managers: {@link io.rustydb.storage.file.DiskManager} moves whole pages between memory and a backing store;
 * {@link io.rustydb.storage.file.FileDiskManager} (one locked file, positional I/O, growth in extents) and
 * {@link io.rustydb.storage.file.MemoryDiskManager} ({@code mem:} databases, tests). Page 0, the file header, is laid
 * out by {@link io.rustydb.storage.file.FileHeader} and held in memory as a
 * {@link io.rustydb.storage.file.DatabaseHeader}.
 *
 * <p>May use {@code io.rustydb.core}, {@code io.rustydb.storage.page} and the JDK; knows nothing of the buffer pool.
 */
package io.rustydb.storage.file;
