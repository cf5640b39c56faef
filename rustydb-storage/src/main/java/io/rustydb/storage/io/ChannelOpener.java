package io.rustydb.storage.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Opens the file channels storage reads and writes through. The default opens real files; tests substitute an
 * opener whose channels fail at a chosen write or force, report a full disk, or lose unforced writes.
 */
@FunctionalInterface
public interface ChannelOpener {
    /** Opens real files, through channels that a thread interrupt cannot close ({@link InterruptSafeChannel}). */
    ChannelOpener DEFAULT = InterruptSafeChannel.OPENER;

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
