package io.rustydb.storage;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.file.FileHeader;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.file.PageCipher;

/**
 * How to open a database's storage.
 *
 * @param pageSize page size for a new file (a power of two, 4096..65536); an existing file keeps its own page size
 * @param cacheSizeBytes buffer pool size; rounded down to whole frames, at least {@link BufferPool#MIN_FRAMES} frames
 * @param policy page replacement policy
 * @param backgroundWriterIntervalMillis period of the buffer pool's background writer; 0 disables it (default
 *     {@link BufferPool#DEFAULT_BACKGROUND_WRITER_INTERVAL_MILLIS})
 * @param cipher encryption of data pages at rest (file databases only); {@link PageCipher#IDENTITY} by default
 */
public record StorageOptions(int pageSize, long cacheSizeBytes, ReplacementPolicyName policy,
                             long backgroundWriterIntervalMillis, PageCipher cipher, ChannelOpener opener) {
    /** The default page size: 8 KiB. */
    public static final int DEFAULT_PAGE_SIZE = 8192;

    public StorageOptions {
        if (!FileHeader.isValidPageSize(pageSize)) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "page size must be a power of two from 4096 to 65536: " + pageSize);
        }
        if (cacheSizeBytes < 0) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "cache size must be >= 0: " + cacheSizeBytes);
        }
        if (backgroundWriterIntervalMillis < 0) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "background writer interval must be >= 0: " + backgroundWriterIntervalMillis);
        }
        if (opener == null) {
            opener = ChannelOpener.DEFAULT;
        }
        if (policy == null) {
            policy = ReplacementPolicyName.ARC;
        }
        if (cipher == null) {
            cipher = PageCipher.IDENTITY;
        }
    }

    /** Options with the default background writer interval and no cipher. */
    public StorageOptions(int pageSize, long cacheSizeBytes, ReplacementPolicyName policy) {
        this(pageSize, cacheSizeBytes, policy, BufferPool.DEFAULT_BACKGROUND_WRITER_INTERVAL_MILLIS,
                PageCipher.IDENTITY, ChannelOpener.DEFAULT);
    }

    public StorageOptions(int pageSize, long cacheSizeBytes, ReplacementPolicyName policy,
                          long backgroundWriterIntervalMillis, PageCipher cipher) {
        this(pageSize, cacheSizeBytes, policy, backgroundWriterIntervalMillis, cipher, ChannelOpener.DEFAULT);
    }

    /** With the files (database and log) opened through {@code o}: fault-injection tests substitute it. */
    public StorageOptions withOpener(ChannelOpener o) {
        return new StorageOptions(pageSize, cacheSizeBytes, policy, backgroundWriterIntervalMillis, cipher, o);
    }

    /**
     * 8 KiB pages, ARC, and a cache of a quarter of the maximum heap clamped to 16 MiB..1 GiB (frame memory is
     * direct memory, whose default limit equals the maximum heap; frames are allocated only as they are used).
     */
    public static StorageOptions defaults() {
        return new StorageOptions(DEFAULT_PAGE_SIZE, defaultCacheSize(), ReplacementPolicyName.ARC);
    }

    /** The default cache size (see {@link #defaults()}). */
    public static long defaultCacheSize() {
        long quarter = Runtime.getRuntime().maxMemory() / 4;
        return Math.max(16L << 20, Math.min(1L << 30, quarter));
    }

    public StorageOptions withPageSize(int size) {
        return new StorageOptions(size, cacheSizeBytes, policy, backgroundWriterIntervalMillis, cipher, opener);
    }

    public StorageOptions withCacheSizeBytes(long bytes) {
        return new StorageOptions(pageSize, bytes, policy, backgroundWriterIntervalMillis, cipher, opener);
    }

    public StorageOptions withPolicy(ReplacementPolicyName p) {
        return new StorageOptions(pageSize, cacheSizeBytes, p, backgroundWriterIntervalMillis, cipher, opener);
    }

    /** The background writer's period in milliseconds; 0 disables it. */
    public StorageOptions withBackgroundWriterIntervalMillis(long millis) {
        return new StorageOptions(pageSize, cacheSizeBytes, policy, millis, cipher, opener);
    }

    public StorageOptions withCipher(PageCipher c) {
        return new StorageOptions(pageSize, cacheSizeBytes, policy, backgroundWriterIntervalMillis, c, opener);
    }
}
