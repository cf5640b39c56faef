/**
 * A small JPA model for {@code io.rustydb.it.HibernateTest}: authors (identity ids, UUIDs, an enum, an
 * {@code OffsetDateTime}, {@code @Version}) write books (sequence ids, many-to-one / one-to-many) that carry tags
 * (UUID ids, many-to-many). Plain JPA annotations: nothing in it knows about RustyDB.
 */
package io.rustydb.it.jpa;
