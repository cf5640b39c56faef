package io.rustydb.sql.exec.spill;

import io.rustydb.storage.io.ChannelOpener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How the bytes of a spill file reach the disk and come back. The default writes them as they are; encryption at
 * rest (issue #10) plugs in here by wrapping the streams (e.g. a cipher stream keyed per file), so the spill file
 * format ({@link SpillFile}) never changes. Implementations must be thread-safe: queries spill concurrently.
 */
public interface SpillIo {
    /** A new file at {@code file} (it must not exist), open for writing from its start. */
    OutputStream create(Path file) throws IOException;

    /** The bytes of a file written by {@link #create}, from its start. */
    InputStream open(Path file) throws IOException;

    /** Plain files opened through {@code opener} (the database's: channels a thread interrupt cannot close). */
    static SpillIo plain(ChannelOpener opener) {
        return new SpillIo() {
            @Override
            public OutputStream create(Path file) throws IOException {
                return Channels.newOutputStream(opener.open(file, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
            }

            @Override
            public InputStream open(Path file) throws IOException {
                return Channels.newInputStream(opener.open(file, StandardOpenOption.READ));
            }
        };
    }
}
