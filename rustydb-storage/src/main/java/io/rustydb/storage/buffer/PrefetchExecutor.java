package io.rustydb.storage.buffer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small executor shared by all buffer pools for {@link BufferPool#prefetch}: two daemon threads named
 * {@code rustydb-prefetch-N} that end after 5 s idle, and a bounded queue of {@value #QUEUE} requests; a request
 * that does not fit is dropped (a prefetch is a hint).
 */
final class PrefetchExecutor {
    static final int THREADS = 2;
    static final int QUEUE = 256;

    private PrefetchExecutor() {
    }

    private static final class Holder {
        static final Executor SHARED = create();
    }

    static Executor shared() {
        return Holder.SHARED;
    }

    private static Executor create() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor ex = new ThreadPoolExecutor(THREADS, THREADS, 5, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "rustydb-prefetch-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy());
        ex.allowCoreThreadTimeOut(true);
        return ex;
    }
}
