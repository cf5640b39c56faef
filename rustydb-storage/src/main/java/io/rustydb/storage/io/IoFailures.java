package io.rustydb.storage.io;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.io.IOException;
import java.util.Locale;

/** Turns an {@link IOException} into the error a user should see: 53100 for a full disk, else 58030. */
public final class IoFailures {
    private IoFailures() {
    }

    public static DbException of(IOException e, String target) {
        if (isDiskFull(e)) {
            return new DbException(ErrorCode.DISK_FULL, e, target);
        }
        return new DbException(ErrorCode.IO_ERROR, e, target, String.valueOf(e.getMessage()));
    }

    /** Whether the exception says the disk or quota is full (the JDK has no dedicated type for it). */
    public static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("quota exceeded")
                        || lower.contains("not enough space")) {
                    return true;
                }
            }
        }
        return false;
    }
}
