/**
 * On-page layouts: the common {@link io.rustydb.storage.page.PageHeader}, the
 * {@link io.rustydb.storage.page.SlottedPage} flyweight, {@link io.rustydb.storage.page.PageType} codes and
 * {@link io.rustydb.storage.page.PageChecksum} (CRC32C). Each layout class draws its format with offsets; the same
 * diagrams are in {@code docs/file-format.md}.
 *
 * <p>Pure functions over a {@code ByteBuffer} and a base offset: no I/O, no locking, no allocation on hot paths. May
 * use only the JDK and {@code io.rustydb.core} (for {@code DbException}).
 */
package io.rustydb.storage.page;
