package io.rustydb.bench.engine;

/** Where a workload's database lives. */
public enum Mode {
    /** In-memory database: measures the engine's CPU paths, nothing touches a disk. */
    MEMORY("in-memory"),
    /** File database in a temporary directory, each engine in its durable (commit = on disk) configuration. */
    DURABLE("durable file");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
