package io.rustydb.storage.buffer;

import io.rustydb.storage.file.DatabaseHeader;
import io.rustydb.storage.file.DiskManager;
import io.rustydb.storage.file.MemoryDiskManager;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** A {@link MemoryDiskManager} with hooks run before each page read/write, and per-page I/O counts (tests only). */
final class HookedDisk implements DiskManager {
    private final MemoryDiskManager mem;
    volatile IntConsumer beforeRead = p -> { };
    volatile IntConsumer beforeWrite = p -> { };
    final ConcurrentHashMap<Integer, AtomicInteger> reads = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Integer, AtomicInteger> writes = new ConcurrentHashMap<>();

    HookedDisk(int pageSize) {
        mem = new MemoryDiskManager(pageSize);
    }

    int reads(int pageNo) {
        AtomicInteger n = reads.get(pageNo);
        return n == null ? 0 : n.get();
    }

    int writes(int pageNo) {
        AtomicInteger n = writes.get(pageNo);
        return n == null ? 0 : n.get();
    }

    @Override
    public String name() {
        return mem.name();
    }

    @Override
    public int pageSize() {
        return mem.pageSize();
    }

    @Override
    public int pageCount() {
        return mem.pageCount();
    }

    @Override
    public int allocatePage() {
        return mem.allocatePage();
    }

    @Override
    public void readPage(int pageNo, ByteBuffer dst, int offset) {
        beforeRead.accept(pageNo);
        reads.computeIfAbsent(pageNo, k -> new AtomicInteger()).incrementAndGet();
        mem.readPage(pageNo, dst, offset);
    }

    @Override
    public void writePage(int pageNo, ByteBuffer src, int offset) {
        beforeWrite.accept(pageNo);
        writes.computeIfAbsent(pageNo, k -> new AtomicInteger()).incrementAndGet();
        mem.writePage(pageNo, src, offset);
    }

    @Override
    public DatabaseHeader header() {
        return mem.header();
    }

    @Override
    public void sync() {
        mem.sync();
    }

    @Override
    public boolean isPersistent() {
        return false;
    }

    @Override
    public void close() {
        mem.close();
    }
}
