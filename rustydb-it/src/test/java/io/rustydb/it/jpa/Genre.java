package io.rustydb.it.jpa;

/** An author's main genre, stored by name (Hibernate adds a CHECK constraint listing the names). */
public enum Genre {
    NOVEL, POETRY, ESSAY
}
