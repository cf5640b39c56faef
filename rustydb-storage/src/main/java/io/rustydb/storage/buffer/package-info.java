/**
 * The buffer pool: off-heap frames, the page table, pin counts and latches, page guards
 * ({@link io.rustydb.storage.buffer.ReadPageGuard}, {@link io.rustydb.storage.buffer.WritePageGuard}), the page
 * allocator over the free list, the WAL-before-data hook, the background writer, prefetch, and replacement policies
 * behind {@link io.rustydb.storage.buffer.Replacer} (ARC by default; LRU, CLOCK, 2Q, LRU-K), fed by the lock-free
 * hit path through striped access buffers. The concurrency design and its invariants are in the class comment of
 * {@link io.rustydb.storage.buffer.BufferPool}; frame states in {@code Frame}.
 *
 * <p>May use {@code io.rustydb.core}, {@code io.rustydb.storage.page}, {@code io.rustydb.storage.file} and the JDK.
 */
package io.rustydb.storage.buffer;
