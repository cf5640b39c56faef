/**
 * Benchmarks of RustyDB: {@link io.rustydb.bench.Compare}, the side-by-side comparison with H2, HSQLDB, SQLite,
 * DuckDB and Derby (engines in {@code io.rustydb.bench.engine}, workloads in {@code io.rustydb.bench.workload}),
 * and JMH micro-benchmarks of internal hot paths in {@code io.rustydb.bench.jmh}. See docs/performance.md.
 */
package io.rustydb.bench;
