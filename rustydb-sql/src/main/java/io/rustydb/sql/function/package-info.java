/**
 * Set-returning (table) functions used in FROM: the {@link io.rustydb.sql.function.SetReturningFunction} contract,
 * the {@link io.rustydb.sql.function.TableFunctions registry} that resolves a call by name and argument types, and
 * the built-in functions (generate_series, range, unnest). New functions (e.g. JSON ones) register a resolver.
 *
 * <p>May use core types only; never JSqlParser, the catalog or the executor.
 */
package io.rustydb.sql.function;
