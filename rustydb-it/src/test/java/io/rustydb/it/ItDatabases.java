package io.rustydb.it;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh database URLs for the framework tests: each test gets an in-memory database no other test uses. */
final class ItDatabases {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private ItDatabases() {
    }

    /** A {@code jdbc:rustydb:mem:} URL no other test uses. */
    static String freshMemUrl(String hint) {
        return "jdbc:rustydb:mem:it_" + hint + "_" + NEXT.incrementAndGet() + "_" + System.nanoTime();
    }
}
