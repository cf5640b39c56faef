package io.rustydb.jdbc;

import io.rustydb.core.config.DatabaseConfig;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;

/** Translates the user-facing configuration into the storage layer's options. */
final class StorageOptionsMapper {
    private StorageOptionsMapper() {
    }

    static StorageOptions from(DatabaseConfig config) {
        return new StorageOptions(config.pageSize(), config.cacheSizeBytes(),
                ReplacementPolicyName.valueOf(config.replacementPolicy().name()));
    }
}
