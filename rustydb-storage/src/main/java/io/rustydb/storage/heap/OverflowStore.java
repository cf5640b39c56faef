package io.rustydb.storage.heap;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import io.rustydb.storage.buffer.WritePageGuard;
import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.PageType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Large values (BLOB, CLOB, long TEXT) in chains of overflow pages ({@link OverflowPage}), up to
 * {@link #MAX_VALUE_LENGTH} bytes each. A tuple never spans pages: a value that would make a row too large for its
 * heap page is written here and the row keeps the {@link OverflowRef} instead.
 *
 * <p>Values are immutable: an update writes a new value and frees the old one. Writing holds at most two page write
 * latches (the previous page, to link it, and the new one) and no other lock; reading holds one page at a time and
 * prefetches the next. A value must not be read after (or while) it is freed; the upper layers' MVCC and vacuum
 * decide when a value is dead. Thread-safe. Overflow pages are not WAL-logged yet (see the WAL issue).
 *
 * <p>Failure handling: if a write fails part-way (disk full, a short stream), the pages written so far are freed
 * and the error is thrown; a chain that does not match its reference when read or freed is XX001 naming the page.
 */
public final class OverflowStore {
    /** The largest value: 2 GiB - 1 bytes. */
    public static final long MAX_VALUE_LENGTH = Integer.MAX_VALUE;
    /** The largest value {@link #read(OverflowRef)} returns as one array. */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final BufferPool pool;
    private final int pageSize;
    private final int capacity;

    public OverflowStore(BufferPool pool) {
        this.pool = pool;
        this.pageSize = pool.pageSize();
        this.capacity = OverflowPage.capacity(pageSize);
    }

    /** Value bytes per overflow page. */
    public int bytesPerPage() {
        return capacity;
    }

    /** Number of pages a value of {@code length} bytes occupies. */
    public long pagesFor(long length) {
        return (length + capacity - 1) / capacity;
    }

    // ------------------------------------------------------------------ write

    /** Fills {@code n} value bytes into {@code page} at {@code offset}. */
    @FunctionalInterface
    private interface Source {
        void fill(ByteBuffer page, int offset, int n) throws IOException;
    }

    /** Stores {@code value}. */
    public OverflowRef write(byte[] value) {
        return write(ByteBuffer.wrap(value));
    }

    /**
     * Stores the bytes of {@code value} between its position and limit; its position and limit are not changed.
     *
     * @throws DbException 54000 if longer than {@link #MAX_VALUE_LENGTH}; 53100/58030 on I/O failure
     */
    public OverflowRef write(ByteBuffer value) {
        int[] pos = {value.position()};
        return writeChunks(value.remaining(), (page, offset, n) -> {
            page.put(offset, value, pos[0], n);
            pos[0] += n;
        });
    }

    /**
     * Stores exactly {@code length} bytes read from {@code in} (which is not closed).
     *
     * @throws DbException 22023 if the stream ends early, 58030 if it fails, 54000 if {@code length} is too large
     */
    public OverflowRef write(InputStream in, long length) {
        if (length < 0) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "negative value length " + length);
        }
        byte[] chunk = new byte[(int) Math.min(capacity, Math.max(length, 1))];
        long[] done = {0};
        return writeChunks(length, (page, offset, n) -> {
            int got = 0;
            while (got < n) {
                int r = in.read(chunk, got, n - got);
                if (r < 0) {
                    throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "the stream ended after "
                            + (done[0] + got) + " of " + length + " bytes");
                }
                got += r;
            }
            page.put(offset, chunk, 0, n);
            done[0] += n;
        });
    }

    private OverflowRef writeChunks(long length, Source source) {
        if (length > MAX_VALUE_LENGTH) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "value of " + length
                    + " bytes exceeds the maximum of " + MAX_VALUE_LENGTH + " bytes");
        }
        if (length == 0) {
            return OverflowRef.EMPTY;
        }
        int first = 0;
        WritePageGuard prev = null;
        WritePageGuard cur = null;
        try {
            long done = 0;
            for (int index = 0; done < length; index++) {
                cur = pool.newPage();
                int pageNo = cur.pageNo();
                int n = (int) Math.min(capacity, length - done);
                ByteBuffer b = cur.buffer();
                PageHeader.format(b, 0, pageSize, pageNo, PageType.OVERFLOW);
                if (first == 0) {
                    first = pageNo;
                }
                b.putInt(OverflowPage.FIRST_PAGE_OFFSET, first);
                b.putInt(OverflowPage.INDEX_OFFSET, index);
                b.putLong(OverflowPage.TOTAL_LENGTH_OFFSET, length);
                b.putInt(OverflowPage.CHUNK_LENGTH_OFFSET, n);
                if (prev != null) {
                    PageHeader.setNextPage(prev.buffer(), 0, pageNo);
                    prev.close();
                }
                prev = cur; // cur is now part of the chain from first: a failure below frees it too
                cur = null;
                try {
                    source.fill(b, OverflowPage.DATA_OFFSET, n);
                } catch (IOException e) {
                    throw new DbException(ErrorCode.IO_ERROR, e, "the value's input stream", String.valueOf(e));
                }
                done += n;
            }
            prev.close();
            prev = null;
            return new OverflowRef(first, length);
        } catch (RuntimeException | Error e) {
            if (cur != null) {
                cur.close(); // allocated but not yet linked into the chain: free it alone
                freeQuietly(cur.pageNo(), e);
            }
            if (prev != null) {
                prev.close();
            }
            if (first != 0) {
                freeChainQuietly(first, e);
            }
            throw e;
        }
    }

    private void freeQuietly(int pageNo, Throwable failure) {
        try {
            pool.freePage(pageNo);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void freeChainQuietly(int first, Throwable failure) {
        int pageNo = first;
        int visited = 0;
        try {
            while (pageNo != 0 && ++visited <= pool.diskManager().pageCount()) {
                int next;
                try (ReadPageGuard g = pool.readPage(pageNo)) {
                    ByteBuffer b = g.buffer();
                    if (PageHeader.type(b, 0) != PageType.OVERFLOW || b.getInt(OverflowPage.FIRST_PAGE_OFFSET) != first) {
                        return;
                    }
                    next = PageHeader.nextPage(b, 0);
                }
                pool.freePage(pageNo);
                pageNo = next;
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    // ------------------------------------------------------------------ read

    /**
     * The whole value as an array.
     *
     * @throws DbException 54000 if longer than {@link #MAX_ARRAY_LENGTH} (use {@link #openStream}); XX001 if the
     *     chain does not match the reference
     */
    public byte[] read(OverflowRef ref) {
        if (ref.length() > MAX_ARRAY_LENGTH) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "value of " + ref.length()
                    + " bytes is too large for one array; read it as a stream");
        }
        byte[] out = new byte[(int) ref.length()];
        try (InputStream in = openStream(ref)) {
            int off = 0;
            while (off < out.length) {
                int n = in.read(out, off, out.length - off);
                if (n < 0) {
                    throw DbException.internal("overflow stream ended early");
                }
                off += n;
            }
        } catch (IOException e) {
            throw new DbException(ErrorCode.IO_ERROR, e, pool.diskManager().name(), String.valueOf(e));
        }
        return out;
    }

    /**
     * A stream over the value, reading one page at a time (no page stays pinned between calls). Its read methods
     * throw {@link DbException} (unchecked) for corruption and I/O errors.
     */
    public InputStream openStream(OverflowRef ref) {
        return new ValueStream(ref);
    }

    private final class ValueStream extends InputStream {
        private final OverflowRef ref;
        private int pageNo;
        private int index;
        private int chunkPos;
        private int chunkLen = -1;
        private long remaining;
        private int nextPageNo;

        ValueStream(OverflowRef ref) {
            this.ref = ref;
            this.pageNo = ref.firstPageNo();
            this.remaining = ref.length();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] dst, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            if (chunkLen >= 0 && chunkPos == chunkLen) {
                pageNo = nextPageNo;
                index++;
                chunkLen = -1;
            }
            try (ReadPageGuard g = pool.readPage(pageNo)) {
                ByteBuffer b = g.buffer();
                if (chunkLen < 0) {
                    chunkLen = check(b);
                    chunkPos = 0;
                    nextPageNo = PageHeader.nextPage(b, 0);
                    if (remaining > chunkLen) {
                        if (nextPageNo == 0) {
                            throw corrupt("the chain ends after " + (ref.length() - remaining + chunkLen)
                                    + " of " + ref.length() + " bytes");
                        }
                        pool.prefetch(nextPageNo);
                    }
                }
                int n = Math.min(len, chunkLen - chunkPos);
                b.get(OverflowPage.DATA_OFFSET + chunkPos, dst, off, n);
                chunkPos += n;
                remaining -= n;
                return n;
            }
        }

        /** Validates the current page against the reference; returns its chunk length. */
        private int check(ByteBuffer b) {
            if (PageHeader.type(b, 0) != PageType.OVERFLOW) {
                throw corrupt("expected an overflow page, found type code " + PageHeader.typeCode(b, 0));
            }
            int expectedChunk = (int) Math.min(capacity, remaining);
            if (b.getInt(OverflowPage.FIRST_PAGE_OFFSET) != ref.firstPageNo()
                    || b.getInt(OverflowPage.INDEX_OFFSET) != index
                    || b.getLong(OverflowPage.TOTAL_LENGTH_OFFSET) != ref.length()
                    || b.getInt(OverflowPage.CHUNK_LENGTH_OFFSET) != expectedChunk) {
                throw corrupt("overflow page does not belong to the value at page " + ref.firstPageNo()
                        + " as page " + index + " (it says value " + b.getInt(OverflowPage.FIRST_PAGE_OFFSET)
                        + ", page " + b.getInt(OverflowPage.INDEX_OFFSET) + ", length "
                        + b.getLong(OverflowPage.TOTAL_LENGTH_OFFSET) + ", chunk "
                        + b.getInt(OverflowPage.CHUNK_LENGTH_OFFSET) + ")");
            }
            if (expectedChunk == remaining && PageHeader.nextPage(b, 0) != 0) {
                throw corrupt("the chain continues after the last page of the value");
            }
            return expectedChunk;
        }

        private DbException corrupt(String detail) {
            return DbException.corruption(pool.diskManager().name(), pageNo, detail);
        }

        @Override
        public int available() {
            return chunkLen < 0 ? 0 : chunkLen - chunkPos;
        }
    }

    // ------------------------------------------------------------------ free

    /**
     * Returns the value's pages to the free list. The caller must ensure nobody reads the value any more.
     *
     * @throws DbException XX001 if the chain does not match the reference (pages freed before the bad one stay free)
     */
    public void free(OverflowRef ref) {
        int pageNo = ref.firstPageNo();
        long remaining = ref.length();
        int index = 0;
        while (remaining > 0) {
            if (pageNo <= 0 || pageNo >= pool.diskManager().pageCount()) {
                throw DbException.corruption(pool.diskManager().name(), pageNo, "overflow chain of the value at page "
                        + ref.firstPageNo() + " links to a page out of range");
            }
            int next;
            try (ReadPageGuard g = pool.readPage(pageNo)) {
                ByteBuffer b = g.buffer();
                int expectedChunk = (int) Math.min(capacity, remaining);
                if (PageHeader.type(b, 0) != PageType.OVERFLOW
                        || b.getInt(OverflowPage.FIRST_PAGE_OFFSET) != ref.firstPageNo()
                        || b.getInt(OverflowPage.INDEX_OFFSET) != index
                        || b.getInt(OverflowPage.CHUNK_LENGTH_OFFSET) != expectedChunk) {
                    throw DbException.corruption(pool.diskManager().name(), pageNo, "page " + index
                            + " of the overflow value at page " + ref.firstPageNo() + " is not part of it");
                }
                next = PageHeader.nextPage(b, 0);
                remaining -= expectedChunk;
            }
            pool.freePage(pageNo);
            pageNo = next;
            index++;
        }
    }
}
