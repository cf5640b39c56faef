package io.rustydb.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel for fault-injection tests: delegates to a real channel, but consults a {@link FaultPlan} before
 * each write and force, which may fail the call with an I/O error or a full disk, or "crash" (after which every
 * call fails, as if the process had died). With {@link FaultPlan#loseUnforcedWrites()} the plan can later undo
 * every write since this channel's last successful force (a simulated power cut).
 */
public final class FaultyChannel extends FileChannel {
    private final FileChannel delegate;
    private final FaultPlan plan;
    private final String name;

    FaultyChannel(FileChannel delegate, FaultPlan plan, String name) {
        this.delegate = delegate;
        this.plan = plan;
        this.name = name;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return write(src, delegate.position());
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        plan.beforeWrite(name);
        delegate.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        plan.beforeForce(name);
        delegate.force(metaData);
        plan.forced(name);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new UnsupportedOperationException("transferFrom");
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        plan.beforeWrite(name);
        int length = src.remaining();
        byte[] before = plan.recordsUndo() ? readRange(position, length) : null;
        int n = delegate.write(src, position);
        if (before != null) {
            plan.wrote(name, delegate, position, before, length);
        }
        return n;
    }

    private byte[] readRange(long position, int length) throws IOException {
        long size = delegate.size();
        int existing = (int) Math.max(0, Math.min(length, size - position));
        byte[] old = new byte[existing];
        ByteBuffer b = ByteBuffer.wrap(old);
        while (b.hasRemaining() && delegate.read(b, position + b.position()) > 0) {
            // keep reading
        }
        return old;
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new UnsupportedOperationException("map");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
