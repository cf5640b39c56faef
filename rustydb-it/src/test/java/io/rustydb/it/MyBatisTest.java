package io.rustydb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.SelectKey;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MyBatis with an annotation mapper on its own {@link UnpooledDataSource} (driver class and URL only): CRUD, NULL
 * parameters (MyBatis binds them as {@code setNull(i, Types.OTHER)} by default), {@code LocalDate} and
 * {@code LocalDateTime} columns (read through {@code getObject(i, Class)}), generated keys with
 * {@code useGeneratedKeys}, batch executor, and rollback of a session that is not committed.
 */
class MyBatisTest {
    private Connection keeper;
    private SqlSessionFactory factory;

    /** A row of {@code event}, mapped by MyBatis through setters (camelCase from snake_case columns). */
    public static final class Event {
        private Long id;
        private String name;
        private LocalDate eventDay;
        private LocalDateTime startsAt;
        private BigDecimal fee;
        private Integer seats;

        public Event() {
        }

        Event(String name, LocalDate eventDay, LocalDateTime startsAt, BigDecimal fee, Integer seats) {
            this.name = name;
            this.eventDay = eventDay;
            this.startsAt = startsAt;
            this.fee = fee;
            this.seats = seats;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public LocalDate getEventDay() {
            return eventDay;
        }

        public void setEventDay(LocalDate eventDay) {
            this.eventDay = eventDay;
        }

        public LocalDateTime getStartsAt() {
            return startsAt;
        }

        public void setStartsAt(LocalDateTime startsAt) {
            this.startsAt = startsAt;
        }

        public BigDecimal getFee() {
            return fee;
        }

        public void setFee(BigDecimal fee) {
            this.fee = fee;
        }

        public Integer getSeats() {
            return seats;
        }

        public void setSeats(Integer seats) {
            this.seats = seats;
        }
    }

    /** The mapper under test: annotations only, as a MyBatis application would write it. */
    public interface EventMapper {
        @Insert("INSERT INTO event (name, event_day, starts_at, fee, seats) VALUES (#{name}, #{eventDay}, #{startsAt}, #{fee}, #{seats})")
        @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
        int insert(Event event);

        @Select("SELECT id, name, event_day, starts_at, fee, seats FROM event WHERE id = #{id}")
        Event findById(long id);

        @Select("SELECT id, name, event_day, starts_at, fee, seats FROM event WHERE event_day >= #{from} ORDER BY starts_at")
        List<Event> findFrom(@Param("from") LocalDate from);

        @Select("SELECT id, name, event_day, starts_at, fee, seats FROM event WHERE seats IS NULL ORDER BY id")
        List<Event> findWithoutSeats();

        @Select("SELECT COUNT(*) FROM event")
        long count();

        @Select("SELECT event_day, COUNT(*) AS events FROM event GROUP BY event_day ORDER BY event_day")
        List<Map<String, Object>> countPerDay();

        @Update("UPDATE event SET name = #{name}, fee = #{fee}, seats = #{seats} WHERE id = #{id}")
        int update(Event event);

        @Update("UPDATE event SET seats = #{seats} WHERE name = #{name}")
        int setSeats(@Param("name") String name, @Param("seats") Integer seats);

        @Delete("DELETE FROM event WHERE id = #{id}")
        int delete(long id);

        /** The key comes from a sequence, fetched by MyBatis before the insert. */
        @Insert("INSERT INTO ticket (no, event_id, sold_at) VALUES (#{no}, #{eventId}, #{soldAt})")
        @SelectKey(statement = "SELECT nextval('ticket_no')", keyProperty = "no", before = true, resultType = long.class)
        int sell(Ticket ticket);

        @Select("SELECT no, event_id, sold_at FROM ticket WHERE event_id = #{eventId} ORDER BY no")
        List<Ticket> tickets(long eventId);
    }

    /** A row of {@code ticket}: its number from a sequence, its sale time with a time zone. */
    public static final class Ticket {
        private long no;
        private long eventId;
        private OffsetDateTime soldAt;

        public long getNo() {
            return no;
        }

        public void setNo(long no) {
            this.no = no;
        }

        public long getEventId() {
            return eventId;
        }

        public void setEventId(long eventId) {
            this.eventId = eventId;
        }

        public OffsetDateTime getSoldAt() {
            return soldAt;
        }

        public void setSoldAt(OffsetDateTime soldAt) {
            this.soldAt = soldAt;
        }
    }

    @BeforeEach
    void setUp() throws SQLException {
        String url = ItDatabases.freshMemUrl("mybatis");
        keeper = DriverManager.getConnection(url); // keeps the in-memory database between sessions
        try (var s = keeper.createStatement()) {
            s.execute("CREATE TABLE event (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " name VARCHAR(60) NOT NULL UNIQUE, event_day DATE NOT NULL, starts_at TIMESTAMP NOT NULL,"
                    + " fee NUMERIC(6,2), seats INTEGER)");
            s.execute("CREATE SEQUENCE ticket_no START WITH 1000 INCREMENT BY 10");
            s.execute("CREATE TABLE ticket (no BIGINT PRIMARY KEY, event_id BIGINT NOT NULL REFERENCES event(id),"
                    + " sold_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        UnpooledDataSource dataSource = new UnpooledDataSource("io.rustydb.jdbc.Driver", url, null, null);
        Configuration configuration = new Configuration(
                new Environment("it", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.addMapper(EventMapper.class);
        factory = new SqlSessionFactoryBuilder().build(configuration);
    }

    @AfterEach
    void tearDown() throws SQLException {
        keeper.close();
    }

    private static Event event(String name, int dayOfMonth, Integer seats) {
        LocalDate day = LocalDate.of(2026, 3, dayOfMonth);
        return new Event(name, day, day.atTime(9 + dayOfMonth % 8, 30, 15, 250_000_000),
                seats == null ? null : new BigDecimal(seats + ".50"), seats);
    }

    @Test
    void crudWithGeneratedKeysAndJavaTime() {
        try (SqlSession session = factory.openSession()) {
            EventMapper mapper = session.getMapper(EventMapper.class);
            Event keynote = event("keynote", 10, 300);
            assertEquals(1, mapper.insert(keynote));
            assertNotNull(keynote.getId(), "useGeneratedKeys filled the id");
            Event workshop = event("workshop", 11, 20);
            mapper.insert(workshop);
            assertEquals(keynote.getId() + 1, workshop.getId());
            session.commit();

            Event read = mapper.findById(keynote.getId());
            assertEquals("keynote", read.getName());
            assertEquals(LocalDate.of(2026, 3, 10), read.getEventDay());
            assertEquals(LocalDateTime.of(2026, 3, 10, 11, 30, 15, 250_000_000), read.getStartsAt());
            assertEquals(new BigDecimal("300.50"), read.getFee());
            assertEquals(300, read.getSeats());

            List<Event> fromEleventh = mapper.findFrom(LocalDate.of(2026, 3, 11));
            assertEquals(1, fromEleventh.size());
            assertEquals(workshop.getId(), fromEleventh.get(0).getId());

            read.setName("opening keynote");
            read.setFee(new BigDecimal("0.00"));
            assertEquals(1, mapper.update(read));
            assertEquals(new BigDecimal("0.00"), mapper.findById(keynote.getId()).getFee());
            assertEquals(1, mapper.delete(workshop.getId()));
            assertEquals(0, mapper.delete(workshop.getId()));
            session.commit();
            assertEquals(1, mapper.count());
        }
    }

    /** MyBatis binds a null without a jdbcType as {@code setNull(i, Types.OTHER)}: in inserts, updates and WHERE. */
    @Test
    void nullParametersBoundAsTypesOther() {
        try (SqlSession session = factory.openSession(true)) {
            EventMapper mapper = session.getMapper(EventMapper.class);
            Event open = event("open space", 12, null);
            mapper.insert(open);
            mapper.insert(event("dinner", 12, 80));
            List<Event> withoutSeats = mapper.findWithoutSeats();
            assertEquals(1, withoutSeats.size());
            assertNull(withoutSeats.get(0).getFee());
            assertNull(withoutSeats.get(0).getSeats());

            assertEquals(1, mapper.setSeats("dinner", null));
            assertEquals(2, mapper.findWithoutSeats().size());
            assertEquals(1, mapper.setSeats("dinner", 90));
            assertEquals(90, mapper.findById(open.getId() + 1).getSeats());

            Event changed = mapper.findById(open.getId());
            changed.setFee(null);
            changed.setSeats(null);
            changed.setName("open space 2");
            assertEquals(1, mapper.update(changed));
            assertEquals("open space 2", mapper.findById(open.getId()).getName());

            List<Map<String, Object>> perDay = mapper.countPerDay();
            assertEquals(1, perDay.size());
            assertEquals(2L, ((Number) perDay.get(0).get("events")).longValue());
        }
    }

    /** {@code @SelectKey} runs {@code nextval} first; {@code OffsetDateTime} goes through getObject(i, Class). */
    @Test
    void selectKeyFromSequenceAndOffsetDateTime() {
        try (SqlSession session = factory.openSession()) {
            EventMapper mapper = session.getMapper(EventMapper.class);
            Event concert = event("concert", 14, 500);
            mapper.insert(concert);
            OffsetDateTime soldAt = OffsetDateTime.of(2026, 2, 1, 18, 45, 0, 0, ZoneOffset.ofHours(-5));
            List<Long> numbers = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Ticket ticket = new Ticket();
                ticket.setEventId(concert.getId());
                ticket.setSoldAt(soldAt.plusMinutes(i));
                assertEquals(1, mapper.sell(ticket));
                numbers.add(ticket.getNo());
            }
            assertEquals(List.of(1000L, 1010L, 1020L), numbers);
            session.commit();
            List<Ticket> sold = mapper.tickets(concert.getId());
            assertEquals(numbers, sold.stream().map(Ticket::getNo).toList());
            for (int i = 0; i < 3; i++) {
                assertTrue(soldAt.plusMinutes(i).isEqual(sold.get(i).getSoldAt()), sold.get(i).getSoldAt().toString());
            }
        }
    }

    @Test
    void batchExecutorAndRollback() {
        try (SqlSession batch = factory.openSession(ExecutorType.BATCH)) {
            EventMapper mapper = batch.getMapper(EventMapper.class);
            List<Event> talks = new java.util.ArrayList<>();
            for (int day = 1; day <= 20; day++) {
                Event talk = event("talk " + day, day, day % 3 == 0 ? null : day);
                talks.add(talk);
                mapper.insert(talk);
            }
            var results = batch.flushStatements();
            // useGeneratedKeys in a batch: MyBatis reads every row's key from one getGeneratedKeys after executeBatch.
            for (int i = 1; i < talks.size(); i++) {
                assertNotNull(talks.get(i).getId(), "key of batch row " + i);
                assertEquals(talks.get(i - 1).getId() + 1, talks.get(i).getId());
            }
            assertEquals(1, results.size(), "one JDBC batch for one statement");
            assertEquals(20, results.get(0).getUpdateCounts().length);
            for (int count : results.get(0).getUpdateCounts()) {
                assertEquals(1, count);
            }
            batch.commit();
        }
        try (SqlSession session = factory.openSession()) {
            EventMapper mapper = session.getMapper(EventMapper.class);
            assertEquals(20, mapper.count());
            mapper.insert(event("never", 21, 1));
            assertEquals(21, mapper.count());
            session.rollback();
            assertEquals(20, mapper.count());
            PersistenceException duplicate = assertThrows(PersistenceException.class,
                    () -> mapper.insert(event("talk 3", 3, 1)));
            assertTrue(duplicate.getCause() instanceof SQLException e && "23505".equals(e.getSQLState()),
                    duplicate.toString());
        }
        try (SqlSession session = factory.openSession()) {
            assertEquals(20, session.getMapper(EventMapper.class).count(), "nothing left from the failed session");
        }
    }
}
