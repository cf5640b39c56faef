/**
 * Row (tuple) encoding: how a row of SQL values is laid out as bytes inside a heap page.
 *
 * <p>Uses the core type system only; knows nothing of tables, catalogs or SQL.
 */
package io.rustydb.storage.tuple;
