/**
 * Disk managers: {@link io.rustydb.storage.file.DiskManager} moves whole pages between memory and a backing store;
 * {@link io.rustydb.storage.file.FileDiskManager} (one locked file, positional I/O, growth in extents) and
 * {@link io.rustydb.storage.file.MemoryDiskManager} ({@code mem:} databases, tests). Page 0, the file header, is laid
 * out by {@link io.rustydb.storage.file.FileHeader} and held in memory as a
 * {@link io.rustydb.storage.file.DatabaseHeader}. {@link io.rustydb.storage.file.PageCipher} is the SPI for encryption
 * at rest (identity by default), applied by the file disk manager to every data page.
 *
 * <p>May use {@code io.rustydb.core}, {@code io.rustydb.storage.page} and the JDK; knows nothing of the buffer pool.
 */
package io.rustydb.storage.file;
