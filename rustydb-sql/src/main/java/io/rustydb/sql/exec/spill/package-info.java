/**
 * Spilling to temporary files under a per-query memory budget: the budget and its per-operator accounts
 * ({@link io.rustydb.sql.exec.spill.MemoryBudget}), row size estimates, the temporary file format
 * ({@link io.rustydb.sql.exec.spill.SpillFile}), where the files live ({@link io.rustydb.sql.exec.spill.SpillSpace})
 * and how their bytes reach the disk ({@link io.rustydb.sql.exec.spill.SpillIo}, the hook for encrypting them).
 *
 * <p>May use core (values, errors) and storage's I/O helpers; knows nothing of operators or plans.
 */
package io.rustydb.sql.exec.spill;
