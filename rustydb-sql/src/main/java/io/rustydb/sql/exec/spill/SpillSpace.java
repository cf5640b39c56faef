package io.rustydb.sql.exec.spill;

import io.rustydb.core.DbException;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.io.IoFailures;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where one database's spill files live, and the {@link SpillIo} they are written through. One per open
 * database, shared by its queries (thread-safe).
 *
 * <ul>
 *   <li>A file database {@code /data/app} spills into the directory {@code /data/app.tmp} (beside the log's
 *       {@code /data/app.wal}), created on first use. The database file is locked while open, so every
 *       {@code *.spill} file found there when the database opens is left by a process that died: all are
 *       deleted.</li>
 *   <li>An in-memory database spills into {@code java.io.tmpdir/rustydb-spill}, shared by every process of the
 *       machine: a file there is named {@code <pid>-<n>.spill}, and those of processes no longer alive are
 *       deleted when an in-memory database opens.</li>
 * </ul>
 * A file is deleted when the operator that wrote it closes, and in any case when its query ends (success, error
 * or cancel): see {@link QuerySpill#close()}.
 */
public final class SpillSpace {
    private static final String SUFFIX = ".spill";
    private static final long PID = ProcessHandle.current().pid();

    private final Path directory;
    private final boolean shared;
    /** Process-wide: in-memory databases of one process share their directory, so names must not repeat. */
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private volatile SpillIo io;

    private SpillSpace(Path directory, boolean shared, SpillIo io) {
        this.directory = directory;
        this.shared = shared;
        this.io = io;
    }

    /** The space of the file database at {@code databaseFile}; deletes spill files a crashed process left. */
    public static SpillSpace forFile(Path databaseFile, ChannelOpener opener) {
        SpillSpace space = new SpillSpace(databaseFile.resolveSibling(databaseFile.getFileName() + ".tmp"), false,
                SpillIo.plain(opener));
        space.removeStale();
        return space;
    }

    /** The space of an in-memory database; deletes spill files of processes no longer alive. */
    public static SpillSpace forMemory(ChannelOpener opener) {
        SpillSpace space = new SpillSpace(Path.of(System.getProperty("java.io.tmpdir"), "rustydb-spill"), true,
                SpillIo.plain(opener));
        space.removeStale();
        return space;
    }

    private static volatile SpillSpace processDefault;

    /** The space of executions run without a database's (tests, tools): as an in-memory database's. */
    public static SpillSpace processDefault() {
        SpillSpace s = processDefault;
        if (s == null) {
            synchronized (SpillSpace.class) {
                s = processDefault;
                if (s == null) {
                    s = forMemory(ChannelOpener.DEFAULT);
                    processDefault = s;
                }
            }
        }
        return s;
    }

    /** The directory spill files are created in. */
    public Path directory() {
        return directory;
    }

    /** Replaces how spill files are written and read (encryption at rest, or a test's fault injection). */
    public void setIo(SpillIo io) {
        this.io = java.util.Objects.requireNonNull(io, "io");
    }

    public SpillIo io() {
        return io;
    }

    /** A new, empty spill file; {@code onClose} runs once when it is closed (deleted). */
    SpillFile create(Runnable onClose) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw IoFailures.of(e, "temporary directory " + directory);
        }
        String name = (shared ? PID + "-" : "") + SEQUENCE.incrementAndGet() + SUFFIX;
        return new SpillFile(directory.resolve(name), io, onClose);
    }

    /** Deletes what crashed processes left: every spill file here, or (shared) those of dead processes. */
    void removeStale() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path f : files) {
                if (!shared || ownerGone(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | DbException e) {
            // best effort: a file that cannot be deleted now is tried again at the next open
        }
    }

    private static boolean ownerGone(String name) {
        int dash = name.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(name.substring(0, dash));
            return pid != PID && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
