/**
 * Ecosystem integration tests: stock frameworks (HikariCP, Spring JDBC, MyBatis, jOOQ) used against RustyDB
 * exactly as an application would, with only {@code rustydb-jdbc} on the classpath and a {@code jdbc:rustydb:} URL.
 * One test class per framework. Nothing here may use RustyDB internals beyond {@code unwrap} to the driver's
 * connection class (to tell physical connections apart).
 */
package io.rustydb.it;
