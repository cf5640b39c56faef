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
 * The schemas of one database and the tables (with their indexes), views and sequences in them: looked up by the
 * binder by {@link QualifiedName} (the binder resolves unqualified names through the session's search path),
 * changed by DDL, persisted through {@link CatalogStore}; also where the run-time objects of each live (row
 * versions, index structures). Objects refer to their schema by id ({@link SchemaDef}), so tables, views, indexes
 * and sequences of one schema share a namespace, and the same name can be used in two schemas.
 *
 * <p>Every change bumps {@link #version()}, which keys the plan cache so that no plan outlives the schema it was
 * bound against. Callers serialize DDL (the engine's statement lock); lookups are safe from any thread.
 */
public final class Catalog {
    private final StorageEngine storage;
    private final CatalogStore store;
    /** Replaced whole by {@link #reload()}, so that a concurrent lookup never sees a half-loaded catalog. */
    private volatile Map<String, SchemaDef> schemas = new ConcurrentHashMap<>();
    private volatile Map<QualifiedKey, TableDef> tables = new ConcurrentHashMap<>();
    /** The schema id of each table, by table id (a table keeps its id, and so its schema, across ALTER TABLE). */
    private volatile Map<Integer, Integer> tableSchemas = new ConcurrentHashMap<>();
    private volatile Map<QualifiedKey, ViewDef> views = new ConcurrentHashMap<>();
    private volatile Map<CommentKey, String> comments = new ConcurrentHashMap<>();
    private final TransactionManager transactions;
    private final Map<Integer, VersionedHeap> heaps = new ConcurrentHashMap<>();
    private final Map<Integer, TableIndex> indexStructures = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile ReferenceIndex referenceIndex;
    private int nextTableId;
    private int nextIndexId;
    private int nextSchemaId = SchemaDef.PUBLIC_ID + 1;
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
        Map<String, SchemaDef> loadedSchemas = new ConcurrentHashMap<>();
        loadedSchemas.put(SchemaDef.PUBLIC, new SchemaDef(SchemaDef.PUBLIC_ID, SchemaDef.PUBLIC, null));
        for (SchemaDef schema : store.loadSchemas()) {
            loadedSchemas.put(schema.name(), schema);
            nextSchemaId = Math.max(nextSchemaId, schema.schemaId() + 1);
        }
        Map<QualifiedKey, TableDef> loaded = new ConcurrentHashMap<>();
        Map<Integer, Integer> loadedSchemaIds = new ConcurrentHashMap<>();
        for (CatalogStore.Placed<TableDef> placed : store.load()) {
            TableDef table = placed.def();
            loaded.put(new QualifiedKey(placed.schemaId(), table.name()), table);
            loadedSchemaIds.put(table.tableId(), placed.schemaId());
            nextTableId = Math.max(nextTableId, table.tableId() + 1);
            for (IndexDef index : table.indexes()) {
                nextIndexId = Math.max(nextIndexId, index.indexId() + 1);
            }
        }
        schemas = loadedSchemas;
        tables = loaded;
        tableSchemas = loadedSchemaIds;
        Map<QualifiedKey, ViewDef> loadedViews = new ConcurrentHashMap<>();
        for (ViewDef view : store.loadViews()) {
            loadedViews.put(new QualifiedKey(view.schemaId(), view.name()), view);
        }
        views = loadedViews;
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

    // ---- schemas ----

    /** Every schema (not the system ones: see {@link SchemaDef#isSystem}), ordered by name. */
    public List<SchemaDef> schemas() {
        List<SchemaDef> list = new ArrayList<>(schemas.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /** The schema named {@code name} (already case-folded), or null. */
    public SchemaDef findSchema(String name) {
        return schemas.get(name);
    }

    /** The schema named {@code name}, or 3F000. */
    public SchemaDef schema(String name) {
        SchemaDef schema = schemas.get(name);
        if (schema == null) {
            throw new DbException(ErrorCode.INVALID_SCHEMA_NAME, name);
        }
        return schema;
    }

    /** The name of the schema with id {@code schemaId}, or null if there is none (any more). */
    public String schemaName(int schemaId) {
        for (SchemaDef schema : schemas.values()) {
            if (schema.schemaId() == schemaId) {
                return schema.name();
            }
        }
        return null;
    }

    /** Creates schema {@code name} in the current transaction; 42P06 if it (or a system schema) has that name. */
    public SchemaDef createSchema(String name, String owner) {
        if (schemas.containsKey(name) || SchemaDef.isSystem(name)) {
            throw new DbException(ErrorCode.DUPLICATE_SCHEMA, name);
        }
        SchemaDef schema = new SchemaDef(nextSchemaId++, name, owner);
        store.insertSchema(schema);
        schemas.put(name, schema);
        version.incrementAndGet();
        return schema;
    }

    /** Renames schema {@code from} (its objects follow: they refer to it by id); 3F000, 42P06, 0A000 for public. */
    public void renameSchema(String from, String to) {
        SchemaDef schema = userSchema(from, "renamed");
        if (schemas.containsKey(to) || SchemaDef.isSystem(to)) {
            throw new DbException(ErrorCode.DUPLICATE_SCHEMA, to);
        }
        store.deleteSchema(schema.schemaId());
        SchemaDef renamed = schema.renamed(to);
        store.insertSchema(renamed);
        schemas.remove(from);
        schemas.put(to, renamed);
        version.incrementAndGet();
    }

    /**
     * Drops the empty schema {@code name}: 2BP01 if tables, views or sequences are still in it (the caller drops
     * them first for CASCADE); 3F000 if there is no such schema; 0A000 for {@code public}.
     */
    public void dropSchema(String name) {
        SchemaDef schema = userSchema(name, "dropped");
        List<String> objects = objectsIn(name);
        if (!objects.isEmpty()) {
            throw new DbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop schema " + name
                    + " because other objects depend on it: " + String.join(", ", objects)
                    + " (use DROP ... CASCADE to drop the dependent objects too)");
        }
        store.deleteSchema(schema.schemaId());
        schemas.remove(name);
        // views elsewhere that looked names up through it forget it: its id may be reused after a reopen
        for (ViewDef view : new ArrayList<>(views.values())) {
            if (view.searchPath().contains(schema.schemaId())) {
                List<Integer> path = new ArrayList<>(view.searchPath());
                path.remove(Integer.valueOf(schema.schemaId()));
                ViewDef kept = new ViewDef(view.name(), view.sql(), view.columns(), view.schemaId(), path);
                store.deleteView(view);
                store.insertView(kept);
                views.put(new QualifiedKey(view.schemaId(), view.name()), kept);
            }
        }
        version.incrementAndGet();
    }

    /** 3F000 if there is no schema {@code name}; 0A000 or 2BP01 if it is one the system needs. */
    public void checkDroppable(String name) {
        userSchema(name, "dropped");
    }

    private SchemaDef userSchema(String name, String what) {
        if (SchemaDef.isSystem(name)) {
            throw new DbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot change schema " + name
                    + " because it is required by the database system");
        }
        SchemaDef schema = schema(name);
        if (schema.schemaId() == SchemaDef.PUBLIC_ID) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "schema public cannot be " + what);
        }
        return schema;
    }

    /** What is in schema {@code name}, as PostgreSQL lists it: {@code table s.t}, {@code view s.v}, ... */
    public List<String> objectsIn(String name) {
        int id = schema(name).schemaId();
        List<String> out = new ArrayList<>();
        for (Map.Entry<QualifiedKey, TableDef> e : tables.entrySet()) {
            if (e.getKey().schemaId() == id) {
                out.add("table " + name + "." + e.getKey().name());
            }
        }
        for (Map.Entry<QualifiedKey, ViewDef> e : views.entrySet()) {
            if (e.getKey().schemaId() == id) {
                out.add("view " + name + "." + e.getKey().name());
            }
        }
        for (SequenceGenerator g : sequences.inSchema(id)) {
            if (!g.def().owned()) {
                out.add("sequence " + name + "." + g.def().name());
            }
        }
        out.sort(null);
        return out;
    }

    private QualifiedKey key(QualifiedName name) {
        SchemaDef schema = schemas.get(name.schema());
        return schema == null ? null : new QualifiedKey(schema.schemaId(), name.name());
    }

    private QualifiedKey requireKey(QualifiedName name) {
        return new QualifiedKey(schema(name.schema()).schemaId(), name.name());
    }

    // ---- tables and views ----

    /** The table named {@code name}, or {@code null} (also if its schema does not exist). */
    public TableDef findTable(QualifiedName name) {
        QualifiedKey key = key(name);
        return key == null ? null : tables.get(key);
    }

    /**
     * The table named {@code name}, or 42P01 (also if its schema does not exist: an unqualified name that the
     * search path did not find is in a schema of the path that may not exist, see {@link SearchPath#fallback}); 0A000
     * if {@code name} is a view (only queries can use a view: it cannot be changed by DML, altered or indexed).
     */
    public TableDef table(QualifiedName name) {
        QualifiedKey key = key(name);
        if (key == null) {
            throw new DbException(ErrorCode.UNDEFINED_TABLE, name.name());
        }
        TableDef table = tables.get(key);
        if (table == null) {
            if (views.containsKey(key)) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "\"" + name.name() + "\" is a view: a view "
                        + "can only be read (no INSERT, UPDATE, DELETE, ALTER TABLE or CREATE INDEX on it)");
            }
            throw new DbException(ErrorCode.UNDEFINED_TABLE, displayName(name));
        }
        return table;
    }

    /** The current definition of {@code table} (by id: it may have been altered since), or 42P01. */
    public TableDef current(TableDef table) {
        TableDef now = tableById(table.tableId());
        if (now == null) {
            throw new DbException(ErrorCode.UNDEFINED_TABLE, table.name());
        }
        return now;
    }

    /** {@code name} as messages show it: unqualified in {@code public}, else {@code schema.name}. */
    public static String displayName(QualifiedName name) {
        return SchemaDef.PUBLIC.equals(name.schema()) ? name.name() : name.toString();
    }

    /** The name of the schema {@code table} is in. */
    public String schemaOf(TableDef table) {
        Integer id = tableSchemas.get(table.tableId());
        return schemaName(id == null ? SchemaDef.PUBLIC_ID : id);
    }

    /** The full name of {@code table}. */
    public QualifiedName nameOf(TableDef table) {
        return new QualifiedName(schemaOf(table), table.name());
    }

    /** The name of the schema {@code view} is in. */
    public String schemaOf(ViewDef view) {
        return schemaName(view.schemaId());
    }

    /** The name of the schema {@code sequence} is in. */
    public String schemaOf(SequenceDef sequence) {
        SequenceGenerator g = sequences.byId(sequence.sequenceId());
        return schemaName(g == null ? SchemaDef.PUBLIC_ID : g.schemaId());
    }

    /** The view named {@code name}, or {@code null}. */
    public ViewDef findView(QualifiedName name) {
        QualifiedKey key = key(name);
        return key == null ? null : views.get(key);
    }

    /** All views, ordered by schema and name. */
    public List<ViewDef> views() {
        List<ViewDef> list = new ArrayList<>(views.values());
        list.sort(java.util.Comparator.comparing((ViewDef v) -> schemaOf(v)).thenComparing(ViewDef::name));
        return list;
    }

    /**
     * Creates view {@code view}, or replaces the view of its name if {@code replace}; 42P07 if a table, index or
     * sequence (or, without {@code replace}, a view) of its schema has its name.
     */
    public void createView(ViewDef view, boolean replace) {
        QualifiedKey key = new QualifiedKey(view.schemaId(), view.name());
        if (views.containsKey(key) && replace) {
            store.deleteView(views.get(key));
        } else if (nameTaken(new QualifiedName(schemaName(view.schemaId()), view.name()))) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, view.name());
        }
        store.insertView(view);
        views.put(key, view);
        version.incrementAndGet();
    }

    /** Drops view {@code view} (which exists). */
    public void dropView(ViewDef view) {
        store.deleteView(view);
        views.remove(new QualifiedKey(view.schemaId(), view.name()));
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

    /** All tables, ordered by schema and name. */
    public List<TableDef> tables() {
        List<TableDef> list = new ArrayList<>(tables.values());
        list.sort(java.util.Comparator.comparing((TableDef t) -> schemaOf(t)).thenComparing(TableDef::name));
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

    /** The index named {@code name} (an index is in the schema of its table) and its table, or null. */
    public Map.Entry<TableDef, IndexDef> findIndex(QualifiedName name) {
        QualifiedKey key = key(name);
        if (key == null) {
            return null;
        }
        for (Map.Entry<QualifiedKey, TableDef> e : tables.entrySet()) {
            if (e.getKey().schemaId() != key.schemaId()) {
                continue;
            }
            for (IndexDef index : e.getValue().indexes()) {
                if (index.name().equals(name.name())) {
                    return Map.entry(e.getValue(), index);
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
        if (nameTaken(new QualifiedName(schemaOf(table), index.name()))) {
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

    /** Creates a table with an empty heap; 42P07 if the name is taken in its schema, 3F000 if there is no schema. */
    public TableDef createTable(QualifiedName name, List<ColumnDef> columns) {
        return createTable(name, columns, List.of());
    }

    /** Creates a table with CHECK constraints; 42P07 if the name is taken in its schema. */
    public TableDef createTable(QualifiedName name, List<ColumnDef> columns, List<CheckDef> checks) {
        QualifiedKey key = requireKey(name);
        if (nameTaken(name)) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, name.name());
        }
        TableHeap heap = storage.createHeap();
        TableDef table = new TableDef(nextTableId++, name.name(), columns, heap.firstPageNo(), checks);
        store.insert(table, key.schemaId());
        heaps.put(table.tableId(), new VersionedHeap(heap, table.tableId(), transactions));
        tables.put(key, table);
        tableSchemas.put(table.tableId(), key.schemaId());
        version.incrementAndGet();
        return table;
    }

    /**
     * Drops a table; 42P01 if it does not exist, 2BP01 if another table's foreign key references it. Its pages are
     * freed only once the dropping transaction has committed (a rollback brings the table back), through
     * {@code afterCommit}.
     */
    public void dropTable(QualifiedName name, java.util.function.Consumer<Runnable> afterCommit) {
        TableDef table = table(name);
        for (Reference reference : referencing(table.tableId())) {
            if (reference.child().tableId() != table.tableId()) {
                throw new DbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop table " + displayName(name)
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
        tables.remove(requireKey(name));
        tableSchemas.remove(table.tableId());
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
        int schemaId = tableSchemas.getOrDefault(table.tableId(), SchemaDef.PUBLIC_ID);
        if (!altered.name().equals(table.name())
                && nameTaken(new QualifiedName(schemaName(schemaId), altered.name()))) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, altered.name());
        }
        store.delete(table.tableId());
        store.insert(altered, schemaId);
        for (IndexDef index : table.indexes()) {
            indexStructures.remove(index.indexId()); // reopened over the new definition (its column types)
        }
        tables.remove(new QualifiedKey(schemaId, table.name()));
        tables.put(new QualifiedKey(schemaId, altered.name()), altered);
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

    /**
     * Whether a table, view, index or sequence of {@code name}'s schema is named {@code name.name()} (they share one
     * namespace per schema, as in PostgreSQL).
     */
    public boolean nameTaken(QualifiedName name) {
        QualifiedKey key = key(name);
        return key != null && (tables.containsKey(key) || views.containsKey(key) || findIndex(name) != null
                || sequences.find(key.schemaId(), key.name()) != null);
    }

    /** The sequence named {@code name}, or null (also if its schema does not exist). */
    public SequenceGenerator findSequence(QualifiedName name) {
        QualifiedKey key = key(name);
        return key == null ? null : sequences.find(key.schemaId(), key.name());
    }

    /** The sequence named {@code name}, or 42P01 (as for an unknown table: they share one name space). */
    public SequenceGenerator sequence(QualifiedName name) {
        SequenceGenerator g = findSequence(name);
        if (g == null) {
            throw new DbException(ErrorCode.UNDEFINED_TABLE, displayName(name));
        }
        return g;
    }

    /**
     * Creates sequence {@code def} in schema {@code schema} in the current transaction; 42P07 if a table, index or
     * sequence of the schema has its name, 3F000 if there is no such schema.
     */
    public SequenceGenerator createSequence(String schema, SequenceDef def) {
        QualifiedName name = new QualifiedName(schema, def.name());
        QualifiedKey key = requireKey(name);
        if (nameTaken(name)) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, def.name());
        }
        SequenceGenerator created = sequences.create(def, key.schemaId());
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
