package io.rustydb.sql.exec.spill;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The memory budget and the spill files of one execution. Operators close their files when they close; what is
 * still open when the execution ends — an error or a cancel (57014) stopped an operator before it closed — is
 * deleted by {@link #close()}, which the engine calls in every case. Not thread-safe (one execution, one thread).
 */
public final class QuerySpill implements AutoCloseable {
    private final SpillSpace space;
    private final MemoryBudget budget;
    private final Set<SpillFile> open = new LinkedHashSet<>();

    public QuerySpill(SpillSpace space, long budgetBytes) {
        this.space = space;
        this.budget = new MemoryBudget(budgetBytes);
    }

    public MemoryBudget budget() {
        return budget;
    }

    /** A new spill file of this execution, deleted when it (or this execution) is closed. */
    public SpillFile newFile() {
        SpillFile[] holder = new SpillFile[1];
        SpillFile file = space.create(() -> open.remove(holder[0]));
        holder[0] = file;
        open.add(file);
        return file;
    }

    /** The files not yet closed. */
    public int openFiles() {
        return open.size();
    }

    /** Deletes every file still open. Idempotent. */
    @Override
    public void close() {
        for (SpillFile f : open.toArray(new SpillFile[0])) {
            f.close();
        }
        open.clear();
    }
}
