package io.rustydb.jdbc.tpch;

import io.trino.tpch.Customer;
import io.trino.tpch.LineItem;
import io.trino.tpch.Nation;
import io.trino.tpch.Order;
import io.trino.tpch.Part;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.Region;
import io.trino.tpch.Supplier;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the eight TPC-H tables and fills them with the rows of {@code io.trino.tpch} (a Java port of the
 * official dbgen: the same data as dbgen for the same scale factor), through plain JDBC only, so any JDBC
 * database can be loaded the same way (the benchmark module loads its peers with the same approach).
 *
 * <p>Types follow the TPC-H specification (clause 1.4): identifiers as INTEGER (order keys as BIGINT, which
 * outgrow INTEGER from scale factor 400 on), money and quantities as {@code DECIMAL(15,2)}, fixed-width text as
 * {@code CHAR(n)}, free text as {@code VARCHAR(n)}, dates as DATE, and the specification's primary keys.
 * Decimal values come from the generator's exact cent counts, never through a {@code double}.
 *
 * <p>Rows go in through one prepared INSERT per table, {@link #BATCH_SIZE} rows per {@code executeBatch}, with
 * auto-commit off and one commit per table.
 */
public final class TpchData {
    /** Rows per {@code executeBatch}. */
    public static final int BATCH_SIZE = 1_000;

    /** One table: its DDL, its column count and how one generated row binds to the INSERT's parameters. */
    private record TableSpec<E extends TpchEntity>(TpchTable<E> generator, String ddl, int columns,
            RowBinder<E> binder) {
        String name() {
            return generator.getTableName();
        }
    }

    /** Binds one generated row to the parameters {@code 1..columns} of the table's INSERT. */
    @FunctionalInterface
    private interface RowBinder<E> {
        void bind(PreparedStatement p, E row) throws SQLException;
    }

    /** The tables in load order (referenced tables first). */
    private static final List<TableSpec<?>> TABLES = List.of(
            new TableSpec<>(TpchTable.REGION, """
                    CREATE TABLE region (
                        r_regionkey INTEGER NOT NULL PRIMARY KEY,
                        r_name CHAR(25) NOT NULL,
                        r_comment VARCHAR(152) NOT NULL)""", 3, TpchData::bindRegion),
            new TableSpec<>(TpchTable.NATION, """
                    CREATE TABLE nation (
                        n_nationkey INTEGER NOT NULL PRIMARY KEY,
                        n_name CHAR(25) NOT NULL,
                        n_regionkey INTEGER NOT NULL,
                        n_comment VARCHAR(152) NOT NULL)""", 4, TpchData::bindNation),
            new TableSpec<>(TpchTable.SUPPLIER, """
                    CREATE TABLE supplier (
                        s_suppkey INTEGER NOT NULL PRIMARY KEY,
                        s_name CHAR(25) NOT NULL,
                        s_address VARCHAR(40) NOT NULL,
                        s_nationkey INTEGER NOT NULL,
                        s_phone CHAR(15) NOT NULL,
                        s_acctbal DECIMAL(15,2) NOT NULL,
                        s_comment VARCHAR(101) NOT NULL)""", 7, TpchData::bindSupplier),
            new TableSpec<>(TpchTable.CUSTOMER, """
                    CREATE TABLE customer (
                        c_custkey INTEGER NOT NULL PRIMARY KEY,
                        c_name VARCHAR(25) NOT NULL,
                        c_address VARCHAR(40) NOT NULL,
                        c_nationkey INTEGER NOT NULL,
                        c_phone CHAR(15) NOT NULL,
                        c_acctbal DECIMAL(15,2) NOT NULL,
                        c_mktsegment CHAR(10) NOT NULL,
                        c_comment VARCHAR(117) NOT NULL)""", 8, TpchData::bindCustomer),
            new TableSpec<>(TpchTable.PART, """
                    CREATE TABLE part (
                        p_partkey INTEGER NOT NULL PRIMARY KEY,
                        p_name VARCHAR(55) NOT NULL,
                        p_mfgr CHAR(25) NOT NULL,
                        p_brand CHAR(10) NOT NULL,
                        p_type VARCHAR(25) NOT NULL,
                        p_size INTEGER NOT NULL,
                        p_container CHAR(10) NOT NULL,
                        p_retailprice DECIMAL(15,2) NOT NULL,
                        p_comment VARCHAR(23) NOT NULL)""", 9, TpchData::bindPart),
            new TableSpec<>(TpchTable.PART_SUPPLIER, """
                    CREATE TABLE partsupp (
                        ps_partkey INTEGER NOT NULL,
                        ps_suppkey INTEGER NOT NULL,
                        ps_availqty INTEGER NOT NULL,
                        ps_supplycost DECIMAL(15,2) NOT NULL,
                        ps_comment VARCHAR(199) NOT NULL,
                        PRIMARY KEY (ps_partkey, ps_suppkey))""", 5, TpchData::bindPartSupplier),
            new TableSpec<>(TpchTable.ORDERS, """
                    CREATE TABLE orders (
                        o_orderkey BIGINT NOT NULL PRIMARY KEY,
                        o_custkey INTEGER NOT NULL,
                        o_orderstatus CHAR(1) NOT NULL,
                        o_totalprice DECIMAL(15,2) NOT NULL,
                        o_orderdate DATE NOT NULL,
                        o_orderpriority CHAR(15) NOT NULL,
                        o_clerk CHAR(15) NOT NULL,
                        o_shippriority INTEGER NOT NULL,
                        o_comment VARCHAR(79) NOT NULL)""", 9, TpchData::bindOrder),
            new TableSpec<>(TpchTable.LINE_ITEM, """
                    CREATE TABLE lineitem (
                        l_orderkey BIGINT NOT NULL,
                        l_partkey INTEGER NOT NULL,
                        l_suppkey INTEGER NOT NULL,
                        l_linenumber INTEGER NOT NULL,
                        l_quantity DECIMAL(15,2) NOT NULL,
                        l_extendedprice DECIMAL(15,2) NOT NULL,
                        l_discount DECIMAL(15,2) NOT NULL,
                        l_tax DECIMAL(15,2) NOT NULL,
                        l_returnflag CHAR(1) NOT NULL,
                        l_linestatus CHAR(1) NOT NULL,
                        l_shipdate DATE NOT NULL,
                        l_commitdate DATE NOT NULL,
                        l_receiptdate DATE NOT NULL,
                        l_shipinstruct CHAR(25) NOT NULL,
                        l_shipmode CHAR(10) NOT NULL,
                        l_comment VARCHAR(44) NOT NULL,
                        PRIMARY KEY (l_orderkey, l_linenumber))""", 16, TpchData::bindLineItem));

    private TpchData() {
    }

    /** The names of the eight tables, in load order. */
    public static List<String> tableNames() {
        return TABLES.stream().map(TableSpec::name).toList();
    }

    /**
     * Creates the eight tables on {@code c} and loads the data of {@code scaleFactor} (0.01 is about 87,000 rows,
     * 1 about 8.7 million). Leaves auto-commit as it found it.
     *
     * @return rows loaded per table, in load order
     */
    public static Map<String, Long> createAndLoad(Connection c, double scaleFactor) throws SQLException {
        createTables(c);
        return load(c, scaleFactor);
    }

    /** Creates the eight tables (empty) on {@code c}. */
    public static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (TableSpec<?> t : TABLES) {
                s.execute(t.ddl());
            }
        }
    }

    /**
     * Loads the data of {@code scaleFactor} into tables made by {@link #createTables}, one commit per table.
     *
     * @return rows loaded per table, in load order
     */
    public static Map<String, Long> load(Connection c, double scaleFactor) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (TableSpec<?> t : TABLES) {
                counts.put(t.name(), loadTable(c, t, scaleFactor));
                c.commit();
            }
            return counts;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static <E extends TpchEntity> long loadTable(Connection c, TableSpec<E> t, double scaleFactor)
            throws SQLException {
        String sql = "INSERT INTO " + t.name() + " VALUES (" + "?, ".repeat(t.columns() - 1) + "?)";
        long rows = 0;
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (E row : t.generator().createGenerator(scaleFactor, 1, 1)) {
                t.binder().bind(p, row);
                p.addBatch();
                if (++rows % BATCH_SIZE == 0) {
                    p.executeBatch();
                }
            }
            if (rows % BATCH_SIZE != 0) {
                p.executeBatch();
            }
        }
        return rows;
    }

    private static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static Date date(int epochDay) {
        return Date.valueOf(LocalDate.ofEpochDay(epochDay));
    }

    private static void bindRegion(PreparedStatement p, Region r) throws SQLException {
        p.setInt(1, (int) r.getRegionKey());
        p.setString(2, r.getName());
        p.setString(3, r.getComment());
    }

    private static void bindNation(PreparedStatement p, Nation n) throws SQLException {
        p.setInt(1, (int) n.getNationKey());
        p.setString(2, n.getName());
        p.setInt(3, (int) n.getRegionKey());
        p.setString(4, n.getComment());
    }

    private static void bindSupplier(PreparedStatement p, Supplier s) throws SQLException {
        p.setInt(1, (int) s.getSupplierKey());
        p.setString(2, s.getName());
        p.setString(3, s.getAddress());
        p.setInt(4, (int) s.getNationKey());
        p.setString(5, s.getPhone());
        p.setBigDecimal(6, cents(s.getAccountBalanceInCents()));
        p.setString(7, s.getComment());
    }

    private static void bindCustomer(PreparedStatement p, Customer cu) throws SQLException {
        p.setInt(1, (int) cu.getCustomerKey());
        p.setString(2, cu.getName());
        p.setString(3, cu.getAddress());
        p.setInt(4, (int) cu.getNationKey());
        p.setString(5, cu.getPhone());
        p.setBigDecimal(6, cents(cu.getAccountBalanceInCents()));
        p.setString(7, cu.getMarketSegment());
        p.setString(8, cu.getComment());
    }

    private static void bindPart(PreparedStatement p, Part pa) throws SQLException {
        p.setInt(1, (int) pa.getPartKey());
        p.setString(2, pa.getName());
        p.setString(3, pa.getManufacturer());
        p.setString(4, pa.getBrand());
        p.setString(5, pa.getType());
        p.setInt(6, pa.getSize());
        p.setString(7, pa.getContainer());
        p.setBigDecimal(8, cents(pa.getRetailPriceInCents()));
        p.setString(9, pa.getComment());
    }

    private static void bindPartSupplier(PreparedStatement p, PartSupplier ps) throws SQLException {
        p.setInt(1, (int) ps.getPartKey());
        p.setInt(2, (int) ps.getSupplierKey());
        p.setInt(3, ps.getAvailableQuantity());
        p.setBigDecimal(4, cents(ps.getSupplyCostInCents()));
        p.setString(5, ps.getComment());
    }

    private static void bindOrder(PreparedStatement p, Order o) throws SQLException {
        p.setLong(1, o.getOrderKey());
        p.setInt(2, (int) o.getCustomerKey());
        p.setString(3, String.valueOf(o.getOrderStatus()));
        p.setBigDecimal(4, cents(o.getTotalPriceInCents()));
        p.setDate(5, date(o.getOrderDate()));
        p.setString(6, o.getOrderPriority());
        p.setString(7, o.getClerk());
        p.setInt(8, o.getShipPriority());
        p.setString(9, o.getComment());
    }

    private static void bindLineItem(PreparedStatement p, LineItem l) throws SQLException {
        p.setLong(1, l.getOrderKey());
        p.setInt(2, (int) l.getPartKey());
        p.setInt(3, (int) l.getSupplierKey());
        p.setInt(4, l.getLineNumber());
        p.setBigDecimal(5, BigDecimal.valueOf(l.getQuantity()).setScale(2));
        p.setBigDecimal(6, cents(l.getExtendedPriceInCents()));
        p.setBigDecimal(7, cents(l.getDiscountPercent()));
        p.setBigDecimal(8, cents(l.getTaxPercent()));
        p.setString(9, l.getReturnFlag());
        p.setString(10, l.getStatus());
        p.setDate(11, date(l.getShipDate()));
        p.setDate(12, date(l.getCommitDate()));
        p.setDate(13, date(l.getReceiptDate()));
        p.setString(14, l.getShipInstructions());
        p.setString(15, l.getShipMode());
        p.setString(16, l.getComment());
    }
}
