package io.rustydb.jdbc.slt;

/**
 * Which flavour of sqllogictest a file is written in; it decides how results are rendered and compared.
 *
 * <ul>
 *   <li>{@link #SQLITE}: one value per line, rendered strictly by the column's type letter (I {@code %d}, R
 *       {@code %.3f}, T text with control and non-ASCII bytes as {@code @}); values compared as strings.</li>
 *   <li>{@link #DUCKDB}: one row per line, tab-separated; values rendered naturally (booleans {@code true/false})
 *       and compared as DuckDB's runner does: equal strings, or equal numbers (doubles within a relative 1e-6),
 *       since DuckDB prints {@code 4200.000000} where RustyDB prints {@code 4200}.</li>
 * </ul>
 */
enum SltDialect { SQLITE, DUCKDB }
