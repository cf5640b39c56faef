package io.rustydb.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What goes wrong, and when, for the channels a {@link #opener()} hands out: fail the n-th write or force with an
 * I/O error or a full disk, and remember unforced writes so that {@link #loseUnforcedWrites()} can undo them the
 * way a power cut would. Counts every write and force so a test can first run clean to learn how many injection
 * points a workload has, then fail each one in turn.
 */
public final class FaultPlan {
    /** What to do at the chosen operation. */
    public enum Fault { NONE, IO_ERROR, DISK_FULL }

    private Fault writeFault = Fault.NONE;
    private long failWriteAt = -1;
    private Fault forceFault = Fault.NONE;
    private long failForceAt = -1;
    private boolean recordUndo;
    private long writes;
    private long forces;
    private boolean failEverything;

    private record Undo(FileChannel channel, long position, byte[] before, int length) {
    }

    private final Map<String, Deque<Undo>> unforced = new HashMap<>();

    /** Fails the {@code n}-th write (1-based, counted across all channels) with {@code fault}. */
    public synchronized FaultPlan failWrite(long n, Fault fault) {
        this.failWriteAt = n;
        this.writeFault = fault;
        return this;
    }

    /** Fails the {@code n}-th force (1-based) with {@code fault}. */
    public synchronized FaultPlan failForce(long n, Fault fault) {
        this.failForceAt = n;
        this.forceFault = fault;
        return this;
    }

    /** Keeps undo images of unforced writes, for {@link #loseUnforcedWrites()}. */
    public synchronized FaultPlan recordUnforcedWrites() {
        this.recordUndo = true;
        return this;
    }

    public synchronized long writes() {
        return writes;
    }

    public synchronized long forces() {
        return forces;
    }

    /** Makes every later write and force fail, as if the process had died at this point. */
    public synchronized void crash() {
        failEverything = true;
    }

    synchronized boolean recordsUndo() {
        return recordUndo;
    }

    synchronized void beforeWrite(String name) throws IOException {
        if (failEverything) {
            throw new IOException("simulated crash: " + name);
        }
        writes++;
        if (writes == failWriteAt) {
            throw failure(writeFault, name);
        }
    }

    synchronized void beforeForce(String name) throws IOException {
        if (failEverything) {
            throw new IOException("simulated crash: " + name);
        }
        forces++;
        if (forces == failForceAt) {
            throw failure(forceFault, name);
        }
    }

    synchronized void wrote(String name, FileChannel channel, long position, byte[] before, int length) {
        unforced.computeIfAbsent(name, k -> new ArrayDeque<>()).push(new Undo(channel, position, before, length));
    }

    synchronized void forced(String name) {
        Deque<Undo> d = unforced.get(name);
        if (d != null) {
            d.clear();
        }
    }

    /**
     * Undoes, newest first, every write that was not followed by a force of its channel: the bytes a power cut
     * would have lost. Bytes that extended a file are zeroed (the file keeps its length).
     */
    public synchronized void loseUnforcedWrites() throws IOException {
        List<Deque<Undo>> all = new ArrayList<>(unforced.values());
        for (Deque<Undo> d : all) {
            while (!d.isEmpty()) {
                Undo u = d.pop();
                if (!u.channel.isOpen()) {
                    continue;
                }
                byte[] restore = java.util.Arrays.copyOf(u.before, u.length);
                u.channel.write(ByteBuffer.wrap(restore), u.position);
            }
        }
        unforced.clear();
    }

    private static IOException failure(Fault fault, String name) {
        if (fault == Fault.DISK_FULL) {
            return new IOException("No space left on device: " + name);
        }
        return new IOException("simulated I/O error on " + name);
    }

    /** A channel opener whose channels obey this plan. */
    public ChannelOpener opener() {
        return (Path path, java.nio.file.OpenOption... options) ->
                new FaultyChannel(FileChannel.open(path, options), this, path.toString());
    }
}
