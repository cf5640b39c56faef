package io.rustydb.jdbc.hibernate;

import org.hibernate.dialect.sequence.SequenceSupport;

/**
 * Sequences as RustyDB runs them (PostgreSQL's functions): {@code nextval('name')}, {@code currval('name')},
 * {@code create sequence name start with s increment by i} (Hibernate's default spelling) and
 * {@code drop sequence if exists name}. Hibernate selects the next value with {@code select nextval('name')}.
 */
final class RustyDBSequenceSupport implements SequenceSupport {
    static final RustyDBSequenceSupport INSTANCE = new RustyDBSequenceSupport();

    private RustyDBSequenceSupport() {
    }

    @Override
    public String getSelectSequenceNextValString(String sequenceName) {
        return "nextval('" + sequenceName + "')";
    }

    @Override
    public String getSelectSequencePreviousValString(String sequenceName) {
        return "currval('" + sequenceName + "')";
    }

    @Override
    public boolean sometimesNeedsStartingValue() {
        // A sequence's default start is its minimum value; Hibernate's pooled optimizers need the start stated.
        return true;
    }

    @Override
    public String getDropSequenceString(String sequenceName) {
        return "drop sequence if exists " + sequenceName;
    }
}
