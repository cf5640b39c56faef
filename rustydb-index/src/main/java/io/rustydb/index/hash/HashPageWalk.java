package io.rustydb.index.hash;

import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ObjLongConsumer;

/**
 * Visits every page and entry of a {@link HashIndex}, one page at a time: the meta page, the directory pages, and
 * each distinct bucket's chain. For a vacuum sweep ({@link HashIndex#forEachEntry}) and for dropping the index
 * ({@link HashIndex#drop}); entries are copied out of a page before the action sees them, so the action may change
 * the index (it may then miss or repeat entries that moved meanwhile, which a sweep tolerates).
 */
final class HashPageWalk {
    private final BufferPool pool;
    private final int metaPageNo;
    private final int pageSize;

    HashPageWalk(BufferPool pool, int metaPageNo, int pageSize) {
        this.pool = pool;
        this.metaPageNo = metaPageNo;
        this.pageSize = pageSize;
    }

    /** The directory pages, then the distinct primary bucket pages, in directory order. */
    private List<Integer> directoryAndBuckets(List<Integer> directoryPages) {
        int depth;
        int slotsPerPage;
        try (ReadPageGuard g = pool.readPage(metaPageNo)) {
            ByteBuffer m = g.buffer();
            depth = HashMetaPage.globalDepth(m);
            slotsPerPage = HashMetaPage.slotsPerPage(m);
            for (int i = 0; i < HashMetaPage.directoryPageCount(m); i++) {
                directoryPages.add(HashMetaPage.directoryPage(m, i));
            }
        }
        Set<Integer> buckets = new LinkedHashSet<>();
        int size = 1 << depth;
        for (int p = 0; p < directoryPages.size(); p++) {
            try (ReadPageGuard g = pool.readPage(directoryPages.get(p))) {
                for (int j = p * slotsPerPage; j < Math.min(size, (p + 1) * slotsPerPage); j++) {
                    buckets.add(HashDirectoryPage.bucket(g.buffer(), j - p * slotsPerPage));
                }
            }
        }
        return new ArrayList<>(buckets);
    }

    /** Calls {@code action} with every (key, value) pair. */
    void forEachEntry(ObjLongConsumer<byte[]> action) {
        HashBucketPage page = new HashBucketPage();
        for (int bucket : directoryAndBuckets(new ArrayList<>())) {
            int pageNo = bucket;
            while (pageNo != 0) {
                List<byte[]> keys = new ArrayList<>();
                List<Long> values = new ArrayList<>();
                try (ReadPageGuard g = pool.readPage(pageNo)) {
                    page.wrap(g.buffer(), pageSize);
                    for (int i = 0; i < page.count(); i++) {
                        keys.add(page.key(i));
                        values.add(page.value(i));
                    }
                    pageNo = page.next();
                }
                for (int i = 0; i < keys.size(); i++) {
                    action.accept(keys.get(i), values.get(i));
                }
            }
        }
    }

    /** Every page of the index: meta, directory, bucket chains. */
    List<Integer> allPages() {
        List<Integer> pages = new ArrayList<>();
        pages.add(metaPageNo);
        List<Integer> directory = new ArrayList<>();
        List<Integer> buckets = directoryAndBuckets(directory);
        pages.addAll(directory);
        HashBucketPage page = new HashBucketPage();
        for (int bucket : buckets) {
            int pageNo = bucket;
            while (pageNo != 0) {
                pages.add(pageNo);
                try (ReadPageGuard g = pool.readPage(pageNo)) {
                    pageNo = page.wrap(g.buffer(), pageSize).next();
                }
            }
        }
        return pages;
    }
}
