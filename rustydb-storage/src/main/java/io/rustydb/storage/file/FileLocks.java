package io.rustydb.storage.file;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM-wide set of database files this process has open. {@code FileChannel.tryLock} protects against other
 * processes, but inside one JVM it throws {@code OverlappingFileLockException} instead; this set gives a second open
 * in the same JVM the same clear "in use" answer.
 */
final class FileLocks {
    private static final Set<String> OPEN = ConcurrentHashMap.newKeySet();

    private FileLocks() {
    }

    /** Registers {@code canonicalPath}; false if it is already open in this JVM. */
    static boolean acquire(String canonicalPath) {
        return OPEN.add(canonicalPath);
    }

    static void release(String canonicalPath) {
        OPEN.remove(canonicalPath);
    }
}
