/**
 * Storage API (layer 2): {@link io.rustydb.storage.StorageEngine} opens a file or in-memory database and hands out
 * table heaps and the buffer pool; {@link io.rustydb.storage.StorageOptions} configures it.
 *
 * <p>Sub-packages: {@code page} (on-page layouts and checksums), {@code file} (disk managers, file header),
 * {@code buffer} (buffer pool, page guards, replacement policies), {@code heap} (table heaps), {@code tuple}
 * (row codec, owned by the SQL layer's authors). This module may use only {@code io.rustydb.core} and the JDK; page
 * memory is JDK direct memory (no {@code sun.misc.Unsafe}, no {@code jdk.internal}, no JVM flags).
 */
package io.rustydb.storage;
