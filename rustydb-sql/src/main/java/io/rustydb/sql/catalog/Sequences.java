package io.rustydb.sql.catalog;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.wal.WriteAheadLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sequences of one database by schema and name, each with its {@link SequenceGenerator}; persisted in
 * {@code sys_sequences} ({@link SequenceStore}). Reached through {@link Catalog#sequences()}; created and dropped
 * through {@link Catalog#createSequence} and {@link Catalog#dropSequence}, which check the shared name space of
 * tables, indexes and sequences and bump the catalog version. Lookups are safe from any thread; changes come
 * from DDL, which the engine serializes.
 */
public final class Sequences {
    private final SequenceStore store;
    private final WriteAheadLog wal;
    /** Replaced whole by {@link #reload()}. */
    private volatile Map<QualifiedKey, SequenceGenerator> byName = new ConcurrentHashMap<>();
    /**
     * Sequences dropped by transactions that have not committed yet, by id: if one rolls back, {@link #reload()}
     * finds the row back and takes the generator up again, with the values it had in memory.
     */
    private final Map<Integer, SequenceGenerator> dropped = new ConcurrentHashMap<>();
    /** Never reused within a run, so that a session's currval of a dropped sequence never names a new one. */
    private int nextId = 1;

    Sequences(StorageEngine storage, WriteAheadLog wal) {
        this.store = new SequenceStore(storage);
        this.wal = wal;
    }

    /**
     * Reads the definitions again (after a rollback undid DDL). A sequence that is still there with the same row
     * keeps its generator and so its values in memory: its state is never rolled back, so the stored one can only
     * be behind the generator's.
     */
    void reload() {
        Map<Integer, SequenceGenerator> old = new java.util.HashMap<>();
        old.putAll(dropped);
        for (SequenceGenerator g : byName.values()) {
            old.put(g.def().sequenceId(), g);
        }
        dropped.clear();
        Map<QualifiedKey, SequenceGenerator> loaded = new ConcurrentHashMap<>();
        for (SequenceStore.Stored s : store.load()) {
            SequenceGenerator kept = old.get(s.def().sequenceId());
            if (kept == null || kept.rowId() != s.rowId() || !kept.def().equals(s.def())
                    || kept.schemaId() != s.schemaId()) {
                kept = new SequenceGenerator(s.def(), s.schemaId(), s.rowId(), s.lastValue(), s.called(), store, wal);
            }
            loaded.put(new QualifiedKey(s.schemaId(), s.def().name()), kept);
            nextId = Math.max(nextId, s.def().sequenceId() + 1);
        }
        byName = loaded;
    }

    /** The sequence named {@code name} (already case-folded) in schema {@code schemaId}, or null. */
    SequenceGenerator find(int schemaId, String name) {
        return byName.get(new QualifiedKey(schemaId, name));
    }

    /** The sequence with id {@code sequenceId}, or null. */
    public SequenceGenerator byId(int sequenceId) {
        for (SequenceGenerator g : byName.values()) {
            if (g.def().sequenceId() == sequenceId) {
                return g;
            }
        }
        return null;
    }

    /** The sequences of schema {@code schemaId}. */
    List<SequenceGenerator> inSchema(int schemaId) {
        List<SequenceGenerator> out = new ArrayList<>();
        for (SequenceGenerator g : byName.values()) {
            if (g.schemaId() == schemaId) {
                out.add(g);
            }
        }
        return out;
    }

    /** Every sequence's definition, ordered by name. */
    public List<SequenceDef> all() {
        List<SequenceDef> out = new ArrayList<>();
        for (SequenceGenerator g : byName.values()) {
            out.add(g.def());
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The sequences owned by columns of table {@code tableId}. */
    public List<SequenceDef> ownedBy(int tableId) {
        List<SequenceDef> out = new ArrayList<>();
        for (SequenceGenerator g : byName.values()) {
            if (g.def().ownerTable() == tableId) {
                out.add(g.def());
            }
        }
        return out;
    }

    /** The identity sequence of column {@code column} of table {@code tableId}, or null. */
    public SequenceDef identityOf(int tableId, int column) {
        for (SequenceGenerator g : byName.values()) {
            SequenceDef d = g.def();
            if (d.ownerTable() == tableId && d.ownerColumn() == column && d.identity() != SequenceDef.Identity.NONE) {
                return d;
            }
        }
        return null;
    }

    /** Stores a new sequence (its id is assigned here) in the current transaction. */
    SequenceGenerator create(SequenceDef def, int schemaId) {
        SequenceDef stored = def.withId(nextId++);
        long rowId = store.insert(stored, schemaId, stored.start(), false);
        SequenceGenerator g = new SequenceGenerator(stored, schemaId, rowId, stored.start(), false, store, wal);
        byName.put(new QualifiedKey(schemaId, stored.name()), g);
        return g;
    }

    /**
     * Deletes {@code sequence} in the current transaction; a rollback brings it back (see {@link #reload()}), a
     * commit forgets it through {@code afterCommit}.
     */
    void drop(SequenceGenerator sequence, java.util.function.Consumer<Runnable> afterCommit) {
        store.delete(sequence.rowId());
        byName.remove(new QualifiedKey(sequence.schemaId(), sequence.def().name()));
        int id = sequence.def().sequenceId();
        dropped.put(id, sequence);
        afterCommit.accept(() -> dropped.remove(id));
    }
}
