package io.rustydb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.it.jpa.Author;
import io.rustydb.it.jpa.Book;
import io.rustydb.it.jpa.Genre;
import io.rustydb.it.jpa.Tag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM 7 through plain JPA bootstrapping ({@link PersistenceConfiguration}) with nothing but a
 * {@code jdbc:rustydb:} URL: the dialect is found by Hibernate's dialect resolution (the driver reports itself as
 * {@code RustyDB}, rustydb-jdbc registers a resolver). The schema is created by Hibernate ({@code create}), then
 * validated by a second factory; then CRUD, JPQL with join fetch, pagination, optimistic locking and constraint
 * violations run on the model in {@code io.rustydb.it.jpa}. A file database, so the second factory sees the first
 * one's schema.
 */
class HibernateTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 5, 17, 9, 30, 15, 123_456_000, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private String url;
    private EntityManagerFactory emf;

    @BeforeEach
    void setUp() {
        url = "jdbc:rustydb:file:" + dir.resolve("jpa");
        emf = factory("create");
    }

    @AfterEach
    void tearDown() {
        if (emf != null) {
            emf.close();
        }
    }

    /** A factory for the model on {@link #url}; {@code action} is Hibernate's schema action (create, validate...). */
    private EntityManagerFactory factory(String action) {
        return new PersistenceConfiguration("rustydb-it")
                .managedClass(Author.class)
                .managedClass(Book.class)
                .managedClass(Tag.class)
                .property(PersistenceConfiguration.JDBC_URL, url)
                .property("hibernate.hbm2ddl.auto", action)
                .property("hibernate.connection.pool_size", "2")
                .createEntityManagerFactory();
    }

    private void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Three authors, five books, three tags. Returns the id of the first author (Austen). */
    private long seed() {
        Author[] first = new Author[1];
        inTransaction(em -> {
            Tag classic = new Tag("classic");
            Tag russian = new Tag("russian");
            Tag modernist = new Tag("modernist");
            List.of(classic, russian, modernist).forEach(em::persist);
            Author austen = new Author("Austen", Genre.NOVEL, T0);
            austen.write(new Book("Emma", new BigDecimal("12.50"))).getTags().add(classic);
            austen.write(new Book("Persuasion", new BigDecimal("8.00"))).getTags().add(classic);
            Author tolstoy = new Author("Tolstoy", Genre.NOVEL, T0.plusDays(1));
            Book war = tolstoy.write(new Book("War and Peace", new BigDecimal("20.00")));
            war.getTags().add(classic);
            war.getTags().add(russian);
            Author woolf = new Author("Woolf", Genre.ESSAY, T0.plusDays(2));
            woolf.write(new Book("Orlando", null)).getTags().add(modernist);
            woolf.write(new Book("The Waves", new BigDecimal("9.99"))).getTags().add(modernist);
            List.of(austen, tolstoy, woolf).forEach(em::persist);
            first[0] = austen;
        });
        return first[0].getId();
    }

    @Test
    void dialectIsDetectedFromTheConnection() {
        Dialect dialect = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
        assertEquals("io.rustydb.jdbc.hibernate.RustyDBDialect", dialect.getClass().getName());
    }

    @Test
    void createdSchemaValidatesAndAMissingColumnDoesNot() throws SQLException {
        emf.close();
        emf = factory("validate");
        emf.close();
        emf = null;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // What hbm2ddl made: identity column, uuid, timestamptz, the sequence, the enum CHECK.
            try (ResultSet rs = s.executeQuery("select column_name, data_type from information_schema.columns"
                    + " where table_name = 'author' order by column_name")) {
                StringBuilder columns = new StringBuilder();
                while (rs.next()) {
                    columns.append(rs.getString(1)).append(':').append(rs.getString(2)).append(' ');
                }
                assertEquals("createdat:timestamp with time zone externalid:uuid genre:character varying id:bigint "
                        + "name:character varying version:integer ", columns.toString().replace("created_at", "createdat")
                        .replace("external_id", "externalid"));
            }
            try (ResultSet rs = s.executeQuery("select sequence_name from information_schema.sequences"
                    + " where sequence_name = 'book_seq'")) {
                assertTrue(rs.next());
            }
            s.execute("alter table book drop column price");
        }
        PersistenceException failed = assertThrows(PersistenceException.class, () -> factory("validate"));
        Throwable missing = failed;
        while (missing != null && !(missing instanceof SchemaManagementException)) {
            missing = missing.getCause();
        }
        assertNotNull(missing, failed.toString());
        assertTrue(missing.getMessage().contains("price"), missing.getMessage());
    }

    @Test
    void createReadUpdateDelete() {
        long austenId = seed();
        EntityManager em = emf.createEntityManager();
        Author austen = em.find(Author.class, austenId);
        assertEquals("Austen", austen.getName());
        assertEquals(Genre.NOVEL, austen.getGenre());
        assertEquals(T0.toInstant(), austen.getCreatedAt().toInstant());
        assertEquals(UUID.nameUUIDFromBytes("Austen".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                austen.getExternalId());
        assertEquals(List.of("Emma", "Persuasion"), austen.getBooks().stream().map(Book::getTitle).toList());
        Book emma = austen.getBooks().get(0);
        assertEquals(Set.of("classic"), emma.getTags().stream().map(Tag::getLabel).collect(Collectors.toSet()));
        assertNotNull(emma.getTags().iterator().next().getId());
        assertEquals(0, austen.getVersion());
        em.close();

        inTransaction(tx -> {
            Author a = tx.find(Author.class, austenId);
            a.setGenre(Genre.POETRY);
            a.getBooks().get(1).setPrice(new BigDecimal("7.25"));
            a.getBooks().remove(0); // orphan removal deletes Emma and its book_tag row
        });
        inTransaction(tx -> {
            Author a = tx.find(Author.class, austenId);
            assertEquals(Genre.POETRY, a.getGenre());
            assertEquals(1, a.getVersion());
            assertEquals(1, a.getBooks().size());
            assertEquals(new BigDecimal("7.25"), a.getBooks().get(0).getPrice());
            assertEquals(4L, tx.createQuery("select count(b) from Book b", Long.class).getSingleResult());
            tx.remove(a);
        });
        inTransaction(tx -> {
            assertNull(tx.find(Author.class, austenId));
            assertEquals(3L, tx.createQuery("select count(b) from Book b", Long.class).getSingleResult());
            assertEquals(2L, tx.createQuery("select count(a) from Author a", Long.class).getSingleResult());
        });
    }

    @Test
    void jpqlJoinFetchAggregatesAndPagination() {
        seed();
        EntityManager em = emf.createEntityManager();
        List<Author> authors = em.createQuery(
                "select distinct a from Author a join fetch a.books b where b.price > :min order by a.name",
                Author.class).setParameter("min", new BigDecimal("9")).getResultList();
        em.close();
        // Fetched in the query: readable after the persistence context is closed.
        assertEquals(List.of("Austen", "Tolstoy", "Woolf"), authors.stream().map(Author::getName).toList());
        assertEquals(List.of("Emma"), authors.get(0).getBooks().stream().map(Book::getTitle).toList());

        em = emf.createEntityManager();
        List<Object[]> perTag = em.createQuery("select t.label, count(b), sum(b.price) from Book b join b.tags t"
                + " group by t.label order by count(b) desc, t.label", Object[].class).getResultList();
        assertEquals("classic", perTag.get(0)[0]);
        assertEquals(3L, perTag.get(0)[1]);
        assertEquals(new BigDecimal("40.50"), perTag.get(0)[2]);
        assertEquals(List.of("modernist", "russian"), perTag.subList(1, 3).stream().map(r -> (String) r[0]).toList());

        List<String> page = em.createQuery("select b.title from Book b order by b.title", String.class)
                .setFirstResult(1).setMaxResults(2).getResultList();
        assertEquals(List.of("Orlando", "Persuasion"), page);
        List<String> firstPage = em.createQuery("select b.title from Book b order by b.title", String.class)
                .setMaxResults(2).getResultList();
        assertEquals(List.of("Emma", "Orlando"), firstPage);
        List<Book> essays = em.createQuery("select b from Book b join fetch b.author a where a.genre = :g"
                + " order by b.title", Book.class).setParameter("g", Genre.ESSAY).setFirstResult(1).getResultList();
        assertEquals(List.of("The Waves"), essays.stream().map(Book::getTitle).toList());
        assertEquals(List.of("Persuasion"), em.createQuery("select b.title from Book b where b.title like :p escape '!'"
                + " and b.author.name = 'Austen'", String.class).setParameter("p", "P%").getResultList());
        em.close();
    }

    @Test
    void concurrentUpdateFailsTheOptimisticLockCheck() {
        long austenId = seed();
        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        first.getTransaction().begin();
        second.getTransaction().begin();
        Author mine = first.find(Author.class, austenId);
        Author theirs = second.find(Author.class, austenId);
        theirs.setName("Jane Austen");
        second.getTransaction().commit();
        mine.setName("J. Austen");
        PersistenceException e = assertThrows(PersistenceException.class, () -> {
            first.flush();
            first.getTransaction().commit();
        });
        assertTrue(e instanceof OptimisticLockException || e.getCause() instanceof OptimisticLockException,
                e.toString());
        if (first.getTransaction().isActive()) {
            first.getTransaction().rollback();
        }
        first.close();
        second.close();
        inTransaction(tx -> {
            Author a = tx.find(Author.class, austenId);
            assertEquals("Jane Austen", a.getName());
            assertEquals(1, a.getVersion());
        });
    }

    @Test
    void constraintViolationsNameTheirConstraint() {
        seed();
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        EntityManager session = em;
        // An IDENTITY id is generated by the INSERT itself, so persist() runs it at once.
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> session.persist(new Author("Woolf", Genre.NOVEL, T0)));
        ConstraintViolationException cve = assertInstanceOf(ConstraintViolationException.class, e);
        assertEquals(ConstraintViolationException.ConstraintKind.UNIQUE, cve.getKind());
        assertEquals("uk_author_name", cve.getConstraintName());
        assertEquals("23505", cve.getSQLState());
        em.getTransaction().rollback();
        em.close();

        // The enum's CHECK constraint, from SQL written outside Hibernate's type safety.
        em = emf.createEntityManager();
        em.getTransaction().begin();
        EntityManager target = em;
        PersistenceException check = assertThrows(PersistenceException.class, () -> target.createNativeQuery(
                "update author set genre = 'DRAMA' where name = 'Woolf'").executeUpdate());
        ConstraintViolationException checkCve = assertInstanceOf(ConstraintViolationException.class, check);
        assertEquals(ConstraintViolationException.ConstraintKind.CHECK, checkCve.getKind());
        assertEquals("23514", checkCve.getSQLState());
        em.getTransaction().rollback();
        em.close();
        inTransaction(tx -> assertFalse(tx.createQuery("select a from Author a where a.genre = :g", Author.class)
                .setParameter("g", Genre.ESSAY).getResultList().isEmpty()));
    }
}
