package io.rustydb.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * A file channel that a thread interrupt cannot break. A plain {@link FileChannel} is closed, for every thread, when
 * a thread blocked in it is interrupted — one cancelled query (or a pool's {@code shutdownNow}) would take the whole
 * database down. This channel clears the caller's interrupt status around each operation and restores it after;
 * if an interrupt still lands during an operation and closes the underlying channel, it reopens the file (and
 * re-takes the file lock it held) and repeats the operation. Positional operations only are meaningful here.
 */
public final class InterruptSafeChannel extends FileChannel {
    private final Path path;
    private final Set<OpenOption> reopenOptions;
    private volatile FileChannel delegate;
    private volatile boolean heldLock;
    private volatile FileLock lock;

    private InterruptSafeChannel(Path path, Set<OpenOption> options, FileChannel delegate) {
        this.path = path;
        this.reopenOptions = options;
        this.delegate = delegate;
    }

    /** The opener for real files through this channel. */
    public static final ChannelOpener OPENER = (path, options) -> {
        Set<OpenOption> reopen = new HashSet<>();
        for (OpenOption o : options) {
            if (o != StandardOpenOption.CREATE_NEW && o != StandardOpenOption.TRUNCATE_EXISTING) {
                reopen.add(o);
            }
        }
        reopen.remove(StandardOpenOption.CREATE);
        return new InterruptSafeChannel(path, reopen, FileChannel.open(path, options));
    };

    @FunctionalInterface
    private interface Op<T> {
        T run(FileChannel channel) throws IOException;
    }

    private <T> T call(Op<T> op) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            for (int attempt = 0; ; attempt++) {
                FileChannel ch = delegate;
                try {
                    return op.run(ch);
                } catch (ClosedByInterruptException e) {
                    interrupted = true;
                    Thread.interrupted();
                    if (attempt >= 3 || !isOpen()) {
                        throw e;
                    }
                    reopen(ch);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void reopen(FileChannel broken) throws IOException {
        if (delegate != broken) {
            return; // another thread already reopened it
        }
        FileChannel fresh = FileChannel.open(path, reopenOptions.toArray(new OpenOption[0]));
        if (heldLock) {
            lock = fresh.tryLock();
            if (lock == null) {
                fresh.close();
                throw new IOException("lost the lock on " + path + " after an interrupt");
            }
        }
        delegate = fresh;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return call(ch -> ch.read(dst));
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return call(ch -> ch.read(dsts, offset, length));
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return call(ch -> ch.write(src));
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return call(ch -> ch.write(srcs, offset, length));
    }

    @Override
    public long position() throws IOException {
        return call(FileChannel::position);
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        call(ch -> ch.position(newPosition));
        return this;
    }

    @Override
    public long size() throws IOException {
        return call(FileChannel::size);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        call(ch -> ch.truncate(size));
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        call(ch -> {
            ch.force(metaData);
            return null;
        });
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return call(ch -> ch.transferTo(position, count, target));
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return call(ch -> ch.transferFrom(src, position, count));
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int start = dst.position();
        return call(ch -> {
            dst.position(start);
            return ch.read(dst, position);
        });
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        int start = src.position();
        return call(ch -> {
            src.position(start);
            return ch.write(src, position);
        });
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return call(ch -> ch.map(mode, position, size));
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        FileLock l = call(ch -> ch.lock(position, size, shared));
        heldLock = true;
        lock = l;
        return l;
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        FileLock l = call(ch -> ch.tryLock(position, size, shared));
        if (l != null) {
            heldLock = true;
            lock = l;
        }
        return l;
    }

    @Override
    protected void implCloseChannel() throws IOException {
        heldLock = false;
        delegate.close();
    }
}
