package io.rustydb.sql.catalog;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.index.TableIndex;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.txn.TransactionManager;
import io.rustydb.txn.mvcc.VersionHeader;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tables of one database and their indexes: looked up by the binder, changed by DDL, persisted through
 * {@link CatalogStore}; also where the run-time objects of each live (row versions, index structures).
 *
 * <p>Every change bumps {@link #version()}, which keys the plan cache so that no plan outlives the schema it was
 * bound against. Callers serialize DDL (the engine's statement lock); lookups are safe from any thread.
 */
public final class Catalog {
    private final StorageEngine storage;
    private final CatalogStore store;
    /** Replaced whole by {@link #reload()}, so that a concurrent lookup never sees a half-loaded catalog. */
    private volatile Map<String, TableDef> tables = new ConcurrentHashMap<>();
    private volatile Map<String, ViewDef> views = new ConcurrentHashMap<>();
    private volatile Map<CommentKey, String> comments = new ConcurrentHashMap<>();
    private final TransactionManager transactions;
    private final Map<Integer, VersionedHeap> heaps = new ConcurrentHashMap<>();
    private final Map<Integer, TableIndex> indexStructures = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile ReferenceIndex referenceIndex;
    private int nextTableId;
    private int nextIndexId;
    private final io.rustydb.sql.index.IndexWriter indexWriter = new io.rustydb.sql.index.IndexWriter();
    private final Sequences sequences;

    /** Opens the catalog of {@code storage}, creating the system heaps of a new database. */
    public Catalog(StorageEngine storage, TransactionManager transactions) {
        this.storage = storage;
        this.transactions = transactions;
        this.store = new CatalogStore(storage);
        this.sequences = new Sequences(storage, transactions.wal());
        reload();
    }

    /**
     * Reads the definitions again from the system heaps: after a rollback has undone DDL there, this brings the
     * in-memory view back in line. Callers hold the database lock exclusively (X on the database key).
     */
    public void reload() {
        Map<String, TableDef> loaded = new ConcurrentHashMap<>();
        for (TableDef table : store.load().values()) {
            loaded.put(table.name(), table);
            nextTableId = Math.max(nextTableId, table.tableId() + 1);
            for (IndexDef index : table.indexes()) {
                nextIndexId = Math.max(nextIndexId, index.indexId() + 1);
            }
        }
        tables = loaded;
        views = new ConcurrentHashMap<>(store.loadViews());
        comments = new ConcurrentHashMap<>(store.loadComments());
        sequences.reload();
        heaps.clear();
        indexStructures.clear();
        version.incrementAndGet();
    }

    /** The transactions of this database (for locks). */
    public TransactionManager transactions() {
        return transactions;
    }

    public long version() {
        return version.get();
    }

    /** The table named {@code name} (already case-folded), or {@code null}. */
    public TableDef findTable(String name) {
        return tables.get(name);
    }

    /**
     * The table named {@code name}, or 42P01; 0A000 if {@code name} is a view (only queries can use a view: it
     * cannot be changed by DML, altered or indexed).
     */
    public TableDef table(String name) {
        TableDef table = tables.get(name);
        if (table == null) {
            if (views.containsKey(name)) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "\"" + name + "\" is a view: a view can "
                        + "only be read (no INSERT, UPDATE, DELETE, ALTER TABLE or CREATE INDEX on it)");
            }
            throw new DbException(ErrorCode.UNDEFINED_TABLE, name);
        }
        return table;
    }

    /** The view named {@code name} (already case-folded), or {@code null}. */
    public ViewDef findView(String name) {
        return views.get(name);
    }

    /** All views, ordered by name. */
    public List<ViewDef> views() {
        List<ViewDef> list = new ArrayList<>(views.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /**
     * Creates view {@code view}, or replaces the view of its name if {@code replace}; 42P07 if a table, index or
     * sequence (or, without {@code replace}, a view) has its name.
     */
    public void createView(ViewDef view, boolean replace) {
        if (views.containsKey(view.name()) && replace) {
            store.deleteView(view.name());
        } else if (nameTaken(view.name())) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, view.name());
        }
        store.insertView(view);
        views.put(view.name(), view);
        version.incrementAndGet();
    }

    /** Drops view {@code name} (which exists). */
    public void dropView(String name) {
        store.deleteView(name);
        views.remove(name);
        version.incrementAndGet();
    }

    /**
     * Moves the column comments of table {@code tableId} to the new positions of their columns ({@code newPosition}
     * gives -1 for a dropped column, whose comment goes).
     */
    public void moveColumnComments(int tableId, java.util.function.IntUnaryOperator newPosition) {
        Map<CommentKey, String> moved = new java.util.HashMap<>();
        for (Map.Entry<CommentKey, String> e : new ArrayList<>(comments.entrySet())) {
            CommentKey key = e.getKey();
            int position = key.column() < 0 ? key.column() : newPosition.applyAsInt(key.column());
            if (key.tableId() != tableId || position == key.column()) {
                continue;
            }
            setComment(key, null);
            if (position >= 0) {
                moved.put(new CommentKey(tableId, position), e.getValue());
            }
        }
        moved.forEach(this::setComment);
    }

    /** The comment on {@code key}, or null. */
    public String comment(CommentKey key) {
        return comments.get(key);
    }

    /** Sets ({@code text} not null) or removes the comment on {@code key}. */
    public void setComment(CommentKey key, String text) {
        store.deleteComments(key.tableId(), key.column());
        comments.remove(key);
        if (text != null) {
            store.insertComment(key, text);
            comments.put(key, text);
        }
        version.incrementAndGet();
    }

    /** The table with id {@code tableId}, or null. */
    public TableDef tableById(int tableId) {
        for (TableDef table : tables.values()) {
            if (table.tableId() == tableId) {
                return table;
            }
        }
        return null;
    }

    /** A foreign key and the (child) table that holds it. */
    public record Reference(TableDef child, ForeignKeyDef key) {
    }

    /** The foreign keys that reference table {@code tableId} (its own included, for a self-reference). */
    public List<Reference> referencing(int tableId) {
        return references().getOrDefault(tableId, List.of());
    }

    /** Which foreign keys reference each table: built once per catalog version (every UPDATE and DELETE asks). */
    private Map<Integer, List<Reference>> references() {
        ReferenceIndex cached = referenceIndex;
        long current = version.get();
        if (cached != null && cached.version() == current) {
            return cached.byParent();
        }
        Map<Integer, List<Reference>> byParent = new java.util.HashMap<>();
        for (TableDef table : tables()) {
            for (ForeignKeyDef key : table.foreignKeys()) {
                byParent.computeIfAbsent(key.parentTableId(), id -> new ArrayList<>()).add(new Reference(table, key));
            }
        }
        referenceIndex = new ReferenceIndex(current, byParent);
        return byParent;
    }

    /** {@link #references()} as of one catalog version. */
    private record ReferenceIndex(long version, Map<Integer, List<Reference>> byParent) {
    }

    /** All tables, ordered by name. */
    public List<TableDef> tables() {
        List<TableDef> list = new ArrayList<>(tables.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /** Where large values of this database live. */
    public io.rustydb.storage.heap.OverflowStore overflow() {
        return storage.overflowStore();
    }

    /** The row versions of {@code table}. */
    public VersionedHeap heap(TableDef table) {
        return heaps.computeIfAbsent(table.tableId(),
                id -> new VersionedHeap(storage.openHeap(table.heapFirstPage()), id, transactions));
    }

    /** The structure of {@code index} of {@code table}. */
    public TableIndex index(TableDef table, IndexDef index) {
        return indexStructures.computeIfAbsent(index.indexId(),
                id -> TableIndex.open(storage.bufferPool(), index, table));
    }

    /** Adds the index entries of new row versions (and checks uniqueness). */
    public io.rustydb.sql.index.IndexWriter indexWriter() {
        return indexWriter;
    }

    /** The index named {@code name} and its table, or null. */
    public Map.Entry<TableDef, IndexDef> findIndex(String name) {
        for (TableDef table : tables.values()) {
            for (IndexDef index : table.indexes()) {
                if (index.name().equals(name)) {
                    return Map.entry(table, index);
                }
            }
        }
        return null;
    }

    /** A new index id (the index is stored by {@link #addIndex}). */
    public int newIndexId() {
        return nextIndexId++;
    }

    /** The pool the indexes' pages live in. */
    public io.rustydb.storage.buffer.BufferPool bufferPool() {
        return storage.bufferPool();
    }

    /**
     * Adds the built index {@code built} to {@code table}; 42P07 if a table or index has its name. Returns the
     * table's new definition.
     */
    public TableDef addIndex(TableDef table, TableIndex built) {
        IndexDef index = built.def();
        if (nameTaken(index.name())) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, index.name());
        }
        List<IndexDef> indexes = new ArrayList<>(table.indexes());
        indexes.add(index);
        TableDef altered = table.withIndexes(indexes);
        alterTable(table, altered);
        indexStructures.put(index.indexId(), built);
        return altered;
    }

    /** Drops index {@code index} of {@code table}; its pages are freed once the transaction commits. */
    public void dropIndex(TableDef table, IndexDef index, java.util.function.Consumer<Runnable> afterCommit) {
        List<IndexDef> indexes = new ArrayList<>(table.indexes());
        indexes.removeIf(i -> i.indexId() == index.indexId());
        TableIndex structure = index(table, index);
        alterTable(table, table.withIndexes(indexes));
        indexStructures.remove(index.indexId());
        afterCommit.accept(structure::drop);
    }

    /** Creates a table with an empty heap; 42P07 if the name is taken. */
    public TableDef createTable(String name, List<ColumnDef> columns) {
        return createTable(name, columns, List.of());
    }

    /** Creates a table with CHECK constraints; 42P07 if the name is taken. */
    public TableDef createTable(String name, List<ColumnDef> columns, List<CheckDef> checks) {
        if (nameTaken(name)) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, name);
        }
        TableHeap heap = storage.createHeap();
        TableDef table = new TableDef(nextTableId++, name, columns, heap.firstPageNo(), checks);
        store.insert(table);
        heaps.put(table.tableId(), new VersionedHeap(heap, table.tableId(), transactions));
        tables.put(name, table);
        version.incrementAndGet();
        return table;
    }

    /**
     * Drops a table; 42P01 if it does not exist, 2BP01 if another table's foreign key references it. Its pages are
     * freed only once the dropping transaction has committed (a rollback brings the table back), through
     * {@code afterCommit}.
     */
    public void dropTable(String name, java.util.function.Consumer<Runnable> afterCommit) {
        TableDef table = table(name);
        for (Reference reference : referencing(table.tableId())) {
            if (reference.child().tableId() != table.tableId()) {
                throw new DbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop table " + name
                        + " because constraint " + reference.key().name() + " on table " + reference.child().name()
                        + " depends on it");
            }
        }
        List<TableIndex> structures = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            structures.add(index(table, index));
            indexStructures.remove(index.indexId());
        }
        store.delete(table.tableId());
        store.deleteComments(table.tableId(), null);
        comments.keySet().removeIf(k -> k.tableId() == table.tableId());
        tables.remove(name);
        heaps.remove(table.tableId());
        afterCommit.accept(() -> {
            freeLargeValues(table);
            storage.dropHeap(table.heapFirstPage());
            for (TableIndex structure : structures) {
                structure.drop();
            }
        });
        version.incrementAndGet();
    }

    /** Replaces {@code table}'s definition by {@code altered} (same id and heap; a rename changes the key). */
    public void alterTable(TableDef table, TableDef altered) {
        if (!altered.name().equals(table.name())
                && nameTaken(altered.name())) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, altered.name());
        }
        store.delete(table.tableId());
        store.insert(altered);
        for (IndexDef index : table.indexes()) {
            indexStructures.remove(index.indexId()); // reopened over the new definition (its column types)
        }
        tables.remove(table.name());
        tables.put(altered.name(), altered);
        version.incrementAndGet();
    }

    /**
     * Moves {@code table} to a new, empty heap under the definition {@code altered} (same id; its indexes are
     * left out, to be built again over the new heap) for a rewrite of its rows. The old heap, its large values and
     * its index structures are freed once the transaction has committed, through {@code afterCommit}; a rollback
     * brings the old definition (and heap) back. Returns the new definition.
     */
    public TableDef replaceHeap(TableDef table, TableDef altered, java.util.function.Consumer<Runnable> afterCommit) {
        List<TableIndex> structures = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            structures.add(index(table, index));
        }
        TableHeap heap = storage.createHeap();
        TableDef moved = new TableDef(table.tableId(), altered.name(), altered.columns(), heap.firstPageNo(),
                altered.checks(), List.of(), altered.foreignKeys());
        alterTable(table, moved);
        heaps.put(table.tableId(), new VersionedHeap(heap, table.tableId(), transactions));
        afterCommit.accept(() -> {
            freeLargeValues(table);
            storage.dropHeap(table.heapFirstPage());
            for (TableIndex structure : structures) {
                structure.drop();
            }
        });
        return moved;
    }

    /** The sequences of this database. */
    public Sequences sequences() {
        return sequences;
    }

    /** Whether a table, index or sequence is named {@code name} (they share one namespace, as in PostgreSQL). */
    public boolean nameTaken(String name) {
        return tables.containsKey(name) || views.containsKey(name) || findIndex(name) != null
                || sequences.find(name) != null;
    }

    /** Creates a sequence in the current transaction; 42P07 if a table, index or sequence has its name. */
    public SequenceGenerator createSequence(SequenceDef def) {
        if (nameTaken(def.name())) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, def.name());
        }
        SequenceGenerator created = sequences.create(def);
        version.incrementAndGet();
        return created;
    }

    /**
     * Drops a sequence in the current transaction (a rollback brings it back, with the values it had then);
     * {@code afterCommit} takes what is to be done once the transaction has committed.
     */
    public void dropSequence(SequenceGenerator sequence, java.util.function.Consumer<Runnable> afterCommit) {
        sequences.drop(sequence, afterCommit);
        version.incrementAndGet();
    }

    /**
     * Frees the overflow pages of every large value in {@code table}'s row versions (before its heap is dropped;
     * vacuum has freed those of the versions it removed).
     */
    private void freeLargeValues(TableDef table) {
        io.rustydb.core.type.DataType[] types = table.columnTypes();
        java.util.List<io.rustydb.storage.heap.OverflowRef> refs = new java.util.ArrayList<>();
        try (io.rustydb.storage.heap.HeapCursor cursor = storage.openHeap(table.heapFirstPage()).scan()) {
            while (cursor.next()) {
                if (VersionHeader.xmin(cursor.buffer(), cursor.tupleOffset()) == VersionHeader.ABORTED_XMIN) {
                    continue; // a rolled-back insert: its large values' pages were cleared, not to be freed again
                }
                byte[] tuple = new byte[cursor.tupleLength() - VersionHeader.SIZE];
                cursor.buffer().get(cursor.tupleOffset() + VersionHeader.SIZE, tuple, 0, tuple.length);
                refs.addAll(io.rustydb.storage.tuple.RowCodec.externalRefs(tuple, types));
            }
        }
        for (io.rustydb.storage.heap.OverflowRef ref : refs) {
            storage.overflowStore().free(ref);
        }
    }
}
