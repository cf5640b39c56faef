/**
 * A hash index for equality lookups: {@link io.rustydb.index.hash.HashIndex}, extendible hashing over buffer-pool
 * pages (a fixed meta page, a directory spanning as many pages as it needs, primary bucket pages with overflow
 * chains), concurrent through page latches taken in one fixed order, and logged through the write-ahead log like
 * every page (redo-only; splits as atomic page changes). Beside it, package-private: one layout class per page kind
 * ({@code HashMetaPage}, {@code HashDirectoryPage}, {@code HashBucketPage}), the key hash ({@code KeyHash}, XXH64),
 * the directory's many-slot changes ({@code HashDirectory}: doubling, latching a bucket's slots), the bucket split
 * ({@code BucketSplit}) and the structure checker ({@code HashStructureCheck}).
 *
 * <p>May use the JDK, {@code io.rustydb.core} and {@code io.rustydb.storage} (buffer pool, page header, current
 * log context); keys arrive already encoded (by {@code io.rustydb.index.key}, though this package does not depend
 * on it).
 */
package io.rustydb.index.hash;
