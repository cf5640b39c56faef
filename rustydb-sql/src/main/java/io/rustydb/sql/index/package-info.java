/**
 * Indexes as the SQL layer uses them: {@link io.rustydb.sql.index.TableIndex} (an index's structure and key
 * encoding), {@link io.rustydb.sql.index.IndexWriter} (entries for new row versions, with uniqueness checks) and the
 * key ranges an index scan reads.
 */
package io.rustydb.sql.index;
