/**
 * Database configuration: {@link io.rustydb.core.config.DatabaseConfig} (immutable, built with a builder or from
 * the string options of a JDBC URL / {@code Properties}) and the enums its options take.
 *
 * <p>This package depends only on the JDK and {@code io.rustydb.core}.
 */
package io.rustydb.core.config;
