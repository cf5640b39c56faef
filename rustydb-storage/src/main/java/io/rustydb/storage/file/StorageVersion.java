package io.rustydb.storage.file;

/** The version string recorded as "creator version" in new files. */
public final class StorageVersion {
    /** E.g. "RustyDB 0.1.0-SNAPSHOT"; falls back to "RustyDB dev" when not run from a jar. */
    public static final String CREATOR;

    static {
        String v = StorageVersion.class.getPackage() == null ? null
                : StorageVersion.class.getPackage().getImplementationVersion();
        CREATOR = "RustyDB " + (v == null ? "dev" : v);
    }

    private StorageVersion() {
    }
}
