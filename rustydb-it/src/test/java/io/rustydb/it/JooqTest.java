package io.rustydb.it;

import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * jOOQ 3.19 with {@link SQLDialect#POSTGRES} on a connection from {@code DriverManager}: DDL built with the DSL,
 * inserts, selects with joins, GROUP BY / HAVING, subqueries, CASE, LIMIT/OFFSET, updates and deletes, batches,
 * {@code dsl.transaction} with commit, rollback and nested (savepoint) transactions, plain SQL with bind values.
 * The tables are described without code generation, with {@link DSL#table(org.jooq.Name)} and typed fields.
 */
class JooqTest {
    private static final Table<Record> AUTHOR = table(name("author"));
    private static final Field<Integer> AUTHOR_ID = field(name("author", "id"), SQLDataType.INTEGER);
    private static final Field<String> AUTHOR_NAME = field(name("author", "name"), SQLDataType.VARCHAR(40));
    private static final Field<String> AUTHOR_COUNTRY = field(name("author", "country"), SQLDataType.VARCHAR(40));

    private static final Table<Record> BOOK = table(name("book"));
    private static final Field<Long> BOOK_ID = field(name("book", "id"), SQLDataType.BIGINT);
    private static final Field<Integer> BOOK_AUTHOR = field(name("book", "author_id"), SQLDataType.INTEGER);
    private static final Field<String> BOOK_TITLE = field(name("book", "title"), SQLDataType.VARCHAR(100));
    private static final Field<BigDecimal> BOOK_PRICE = field(name("book", "price"), SQLDataType.NUMERIC(8, 2));
    private static final Field<LocalDate> BOOK_PUBLISHED = field(name("book", "published"), SQLDataType.LOCALDATE);

    private Connection connection;
    private DSLContext dsl;

    /** A projection that jOOQ's default record mapper fills through the record's canonical constructor. */
    record TitleAndAuthor(String title, String name) {
    }

    @BeforeEach
    void setUp() throws SQLException {
        connection = DriverManager.getConnection(ItDatabases.freshMemUrl("jooq"));
        dsl = DSL.using(connection, SQLDialect.POSTGRES);
        dsl.createTable(AUTHOR)
                .column(AUTHOR_ID.getUnqualifiedName(), SQLDataType.INTEGER.nullable(false))
                .column(AUTHOR_NAME.getUnqualifiedName(), SQLDataType.VARCHAR(40).nullable(false))
                .column(AUTHOR_COUNTRY.getUnqualifiedName(), SQLDataType.VARCHAR(40))
                .constraints(DSL.constraint("pk_author").primaryKey(AUTHOR_ID.getUnqualifiedName()),
                        DSL.constraint("uk_author_name").unique(AUTHOR_NAME.getUnqualifiedName()))
                .execute();
        dsl.createTable(BOOK)
                .column(BOOK_ID.getUnqualifiedName(), SQLDataType.BIGINT.identity(true))
                .column(BOOK_AUTHOR.getUnqualifiedName(), SQLDataType.INTEGER.nullable(false))
                .column(BOOK_TITLE.getUnqualifiedName(), SQLDataType.VARCHAR(100).nullable(false))
                .column(BOOK_PRICE.getUnqualifiedName(), SQLDataType.NUMERIC(8, 2))
                .column(BOOK_PUBLISHED.getUnqualifiedName(), SQLDataType.LOCALDATE)
                .constraints(DSL.constraint("pk_book").primaryKey(BOOK_ID.getUnqualifiedName()),
                        DSL.constraint("fk_book_author").foreignKey(BOOK_AUTHOR.getUnqualifiedName())
                                .references(AUTHOR.getQualifiedName(), AUTHOR_ID.getUnqualifiedName()))
                .execute();
        dsl.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME, AUTHOR_COUNTRY)
                .values(1, "Austen", "England")
                .values(2, "Tolstoy", "Russia")
                .values(3, "Woolf", "England")
                .values(4, "Borges", null)
                .execute();
        dsl.insertInto(BOOK, BOOK_AUTHOR, BOOK_TITLE, BOOK_PRICE, BOOK_PUBLISHED)
                .values(1, "Emma", new BigDecimal("12.50"), LocalDate.of(1815, 12, 23))
                .values(1, "Persuasion", new BigDecimal("8.00"), LocalDate.of(1817, 12, 20))
                .values(2, "War and Peace", new BigDecimal("20.00"), LocalDate.of(1869, 1, 1))
                .values(3, "Orlando", new BigDecimal("9.99"), LocalDate.of(1928, 10, 11))
                .values(3, "The Waves", null, LocalDate.of(1931, 10, 8))
                .execute();
    }

    @AfterEach
    void tearDown() throws SQLException {
        connection.close();
    }

    @Test
    void selectsWithJoinsGroupByAndSubqueries() {
        List<TitleAndAuthor> english = dsl.select(BOOK_TITLE, AUTHOR_NAME)
                .from(BOOK).join(AUTHOR).on(BOOK_AUTHOR.eq(AUTHOR_ID))
                .where(AUTHOR_COUNTRY.eq("England"))
                .orderBy(BOOK_PUBLISHED.desc())
                .limit(3).offset(1)
                .fetchInto(TitleAndAuthor.class);
        assertEquals(List.of(new TitleAndAuthor("Orlando", "Woolf"), new TitleAndAuthor("Persuasion", "Austen"),
                new TitleAndAuthor("Emma", "Austen")), english);

        Field<Integer> books = count(BOOK_ID).as("books");
        Field<BigDecimal> total = coalesce(sum(BOOK_PRICE), BigDecimal.ZERO).as("total");
        Result<?> perAuthor = dsl.select(AUTHOR_NAME, books, total)
                .from(AUTHOR).leftJoin(BOOK).on(BOOK_AUTHOR.eq(AUTHOR_ID))
                .groupBy(AUTHOR_NAME)
                .orderBy(AUTHOR_NAME)
                .fetch();
        assertEquals(List.of("Austen", "Borges", "Tolstoy", "Woolf"), perAuthor.getValues(AUTHOR_NAME));
        assertEquals(List.of(2, 0, 1, 2), perAuthor.getValues(books));
        assertEquals(0, new BigDecimal("20.50").compareTo(perAuthor.get(0).get(total)));
        assertEquals(0, BigDecimal.ZERO.compareTo(perAuthor.get(1).get(total)));

        Map<String, Integer> prolific = dsl.select(AUTHOR_NAME, count())
                .from(AUTHOR).join(BOOK).on(BOOK_AUTHOR.eq(AUTHOR_ID))
                .groupBy(AUTHOR_NAME)
                .having(count().gt(1))
                .fetchMap(AUTHOR_NAME, count());
        assertEquals(Map.of("Austen", 2, "Woolf", 2), prolific);

        List<String> withoutBooks = dsl.select(AUTHOR_NAME).from(AUTHOR)
                .whereNotExists(selectOne().from(BOOK).where(BOOK_AUTHOR.eq(AUTHOR_ID)))
                .fetch(AUTHOR_NAME);
        assertEquals(List.of("Borges"), withoutBooks);

        // Above Austen's average price (10.25), and not by a Russian author.
        List<String> aboveAverage = dsl.select(BOOK_TITLE).from(BOOK)
                .where(BOOK_PRICE.gt(select(avg(BOOK_PRICE)).from(BOOK).where(BOOK_AUTHOR.eq(1))))
                .and(BOOK_AUTHOR.notIn(select(AUTHOR_ID).from(AUTHOR).where(AUTHOR_COUNTRY.eq("Russia"))))
                .orderBy(BOOK_TITLE)
                .fetch(BOOK_TITLE);
        assertEquals(List.of("Emma"), aboveAverage);

        Field<String> band = when(BOOK_PRICE.isNull(), inline("unknown"))
                .when(BOOK_PRICE.lt(new BigDecimal("10")), inline("cheap"))
                .otherwise(inline("dear")).as("band");
        Map<String, List<String>> byBand = dsl.select(band, BOOK_TITLE).from(BOOK).orderBy(BOOK_TITLE)
                .fetchGroups(band, BOOK_TITLE);
        assertEquals(Map.of("unknown", List.of("The Waves"), "cheap", List.of("Orlando", "Persuasion"),
                "dear", List.of("Emma", "War and Peace")), byBand);

        Record1<LocalDate> latest = dsl.select(max(BOOK_PUBLISHED)).from(BOOK).fetchOne();
        assertEquals(LocalDate.of(1931, 10, 8), latest.value1());
        assertTrue(dsl.fetchExists(selectOne().from(BOOK).where(BOOK_TITLE.like("War%"))));
        assertEquals(5, dsl.fetchCount(BOOK));
        assertTrue(dsl.select(exists(selectOne().from(AUTHOR))).fetchOne().value1());
    }

    @Test
    void updatesAndDeletes() {
        assertEquals(2, dsl.update(BOOK)
                .set(BOOK_PRICE, BOOK_PRICE.mul(new BigDecimal("1.10")))
                .where(BOOK_AUTHOR.eq(1))
                .execute());
        assertEquals(new BigDecimal("13.75"), dsl.select(BOOK_PRICE).from(BOOK).where(BOOK_TITLE.eq("Emma"))
                .fetchOne(BOOK_PRICE));
        assertEquals(1, dsl.update(BOOK).set(BOOK_PRICE, (BigDecimal) null).where(BOOK_TITLE.eq("Orlando")).execute());
        assertNull(dsl.select(BOOK_PRICE).from(BOOK).where(BOOK_TITLE.eq("Orlando")).fetchOne(BOOK_PRICE));
        assertEquals(2, dsl.update(BOOK)
                .set(BOOK_PRICE, new BigDecimal("5.00"))
                .where(BOOK_AUTHOR.in(select(AUTHOR_ID).from(AUTHOR).where(AUTHOR_NAME.eq("Woolf"))))
                .execute());

        assertEquals(2, dsl.deleteFrom(BOOK).where(BOOK_PRICE.eq(new BigDecimal("5.00"))).execute());
        assertEquals(1, dsl.deleteFrom(AUTHOR).where(AUTHOR_NAME.eq("Woolf")).execute());
        IntegrityConstraintViolationException fk = assertThrows(IntegrityConstraintViolationException.class,
                () -> dsl.deleteFrom(AUTHOR).where(AUTHOR_NAME.eq("Austen")).execute());
        assertEquals("23503", fk.sqlState());
        assertEquals(3, dsl.fetchCount(AUTHOR));
        assertEquals(3, dsl.fetchCount(BOOK));
    }

    @Test
    void batches() {
        int[] counts = dsl.batch(dsl.insertInto(BOOK, BOOK_AUTHOR, BOOK_TITLE, BOOK_PRICE)
                        .values((Integer) null, null, null))
                .bind(4, "Ficciones", new BigDecimal("7.00"))
                .bind(4, "El Aleph", new BigDecimal("6.00"))
                .bind(2, "Anna Karenina", null)
                .execute();
        assertArrayEquals(new int[] {1, 1, 1}, counts);

        int[] mixed = dsl.batch(
                        dsl.update(BOOK).set(BOOK_PRICE, new BigDecimal("1.00")).where(BOOK_AUTHOR.eq(4)),
                        dsl.deleteFrom(BOOK).where(BOOK_TITLE.eq("Anna Karenina")),
                        dsl.insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME).values(5, "Calvino"))
                .execute();
        assertArrayEquals(new int[] {2, 1, 1}, mixed);
        assertEquals(new BigDecimal("2.00"), dsl.select(sum(BOOK_PRICE)).from(BOOK).where(BOOK_AUTHOR.eq(4))
                .fetchOne().value1());
    }

    @Test
    void transactions() {
        dsl.transaction(cfg -> DSL.using(cfg).insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME).values(10, "Eco").execute());
        assertEquals(1, dsl.fetchCount(AUTHOR, AUTHOR_NAME.eq("Eco")));

        IllegalStateException boom = assertThrows(IllegalStateException.class, () -> dsl.transaction(cfg -> {
            DSL.using(cfg).insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME).values(11, "Kafka").execute();
            assertEquals(1, DSL.using(cfg).fetchCount(AUTHOR, AUTHOR_NAME.eq("Kafka")));
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", boom.getMessage());
        assertEquals(0, dsl.fetchCount(AUTHOR, AUTHOR_NAME.eq("Kafka")), "rolled back");

        // Nested transactions are savepoints: the inner failure undoes only the inner work.
        dsl.transaction(outer -> {
            DSL.using(outer).insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME).values(12, "Rilke").execute();
            assertThrows(DataAccessException.class, () -> DSL.using(outer).transaction(inner -> {
                DSL.using(inner).insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME).values(13, "Mann").execute();
                DSL.using(inner).insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME).values(14, "Austen").execute(); // 23505
            }));
            DSL.using(outer).insertInto(AUTHOR, AUTHOR_ID, AUTHOR_NAME).values(15, "Musil").execute();
        });
        assertEquals(List.of("Eco", "Musil", "Rilke"), dsl.select(AUTHOR_NAME).from(AUTHOR)
                .where(AUTHOR_ID.ge(10)).orderBy(AUTHOR_NAME).fetch(AUTHOR_NAME));

        String result = dsl.transactionResult(cfg -> DSL.using(cfg).select(AUTHOR_NAME).from(AUTHOR)
                .where(AUTHOR_ID.eq(2)).fetchOne(AUTHOR_NAME));
        assertEquals("Tolstoy", result);
    }

    @Test
    void plainSqlWithBindValues() {
        Result<Record> rows = dsl.fetch("SELECT title FROM book WHERE price > ? AND published < ? ORDER BY title",
                new BigDecimal("9"), LocalDate.of(1900, 1, 1));
        assertEquals(List.of("Emma", "War and Peace"), rows.getValues(0, String.class));
        assertEquals(1, dsl.execute("UPDATE book SET price = ? WHERE title = ?", new BigDecimal("1.00"), "The Waves"));
        assertEquals(new BigDecimal("1.00"), dsl.fetchValue("SELECT price FROM book WHERE title = {0}",
                DSL.val("The Waves")));
    }

    /** Values of many types round-trip through jOOQ's PostgreSQL bindings (some are bound and read as text). */
    @Test
    void typesRoundTrip() {
        Table<Record> t = table(name("typed"));
        Field<Integer> id = field(name("id"), SQLDataType.INTEGER);
        Field<java.util.UUID> uuid = field(name("u"), SQLDataType.UUID);
        Field<Boolean> flag = field(name("flag"), SQLDataType.BOOLEAN);
        Field<java.time.OffsetDateTime> at = field(name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
        Field<java.time.LocalDateTime> local = field(name("local"), SQLDataType.LOCALDATETIME(6));
        Field<java.time.LocalTime> time = field(name("time_of_day"), SQLDataType.LOCALTIME);
        Field<byte[]> bytes = field(name("bytes"), SQLDataType.BLOB);
        Field<Double> dbl = field(name("dbl"), SQLDataType.DOUBLE);
        Field<Short> small = field(name("small"), SQLDataType.SMALLINT);
        Field<String> text = field(name("txt"), SQLDataType.CLOB);
        dsl.createTable(t).columns(id, uuid, flag, at, local, time, bytes, dbl, small, text).execute();

        java.util.UUID u = java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        java.time.OffsetDateTime instant = java.time.OffsetDateTime.parse("2026-03-01T10:15:30.123456+02:00");
        java.time.LocalDateTime ldt = java.time.LocalDateTime.of(2026, 3, 1, 23, 59, 59, 999_999_000);
        java.time.LocalTime lt = java.time.LocalTime.of(7, 30, 5);
        byte[] blob = {0, 1, 2, (byte) 0xff, 0x7f};
        dsl.insertInto(t).columns(id, uuid, flag, at, local, time, bytes, dbl, small, text)
                .values(1, u, true, instant, ldt, lt, blob, 1.5e10, (short) -7, "multi\nline 'quoted' \u00e9")
                .values(2, null, null, null, null, null, null, null, null, null)
                .execute();

        Record r = dsl.select(id, uuid, flag, at, local, time, bytes, dbl, small, text).from(t).where(id.eq(1))
                .fetchOne();
        assertEquals(u, r.get(uuid));
        assertEquals(true, r.get(flag));
        assertTrue(instant.isEqual(r.get(at)), instant + " vs " + r.get(at));
        assertEquals(ldt, r.get(local));
        assertEquals(lt, r.get(time));
        assertArrayEquals(blob, r.get(bytes));
        assertEquals(1.5e10, r.get(dbl));
        assertEquals((short) -7, r.get(small));
        assertEquals("multi\nline 'quoted' \u00e9", r.get(text));

        Record empty = dsl.select(uuid, flag, at, local, time, bytes, dbl, small, text).from(t).where(id.eq(2))
                .fetchOne();
        for (int i = 0; i < empty.size(); i++) {
            assertNull(empty.get(i), "column " + empty.field(i));
        }
        assertEquals(1, dsl.fetchCount(t, uuid.eq(u).and(flag.isTrue()).and(at.eq(instant)).and(local.eq(ldt))));
    }

    /**
     * jOOQ reads the schema back through plain {@code DatabaseMetaData} (the dialect-neutral {@code DEFAULT}):
     * tables, columns in order, primary and foreign keys, column types.
     */
    @Test
    void metaFromDatabaseMetaData() {
        checkMeta(DSL.using(connection, SQLDialect.DEFAULT));
    }

    /** With {@code POSTGRES}, jOOQ's meta asks PostgreSQL's own catalogs for unique keys. */
    @Test
    @Disabled("needs pg_catalog.pg_constraint/pg_class/pg_namespace and information_schema.key_column_usage")
    void metaWithPostgresDialect() {
        checkMeta(dsl);
    }

    private static void checkMeta(DSLContext dsl) {
        List<Table<?>> tables = dsl.meta().getTables();
        Table<?> book = tables.stream().filter(t -> t.getName().equals("book")).findFirst().orElseThrow(
                () -> new AssertionError("no book in " + tables));
        assertEquals(List.of("id", "author_id", "title", "price", "published"),
                java.util.Arrays.stream(book.fields()).map(Field::getName).toList());
        assertEquals(List.of("id"), book.getPrimaryKey().getFields().stream().map(Field::getName).toList());
        assertEquals(1, book.getReferences().size());
        assertEquals("author", book.getReferences().get(0).getKey().getTable().getName());
        assertEquals(SQLDataType.NUMERIC.getSQLDataType(), book.field("price").getDataType().getSQLDataType());
    }

    @Test
    void insertReturningIdentity() {
        Record inserted = dsl.insertInto(BOOK, BOOK_AUTHOR, BOOK_TITLE)
                .values(4, "Labyrinths")
                .returning(BOOK_ID)
                .fetchOne();
        assertEquals(6L, inserted.get(BOOK_ID));
    }
}
