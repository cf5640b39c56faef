package io.rustydb.bench.tpch;

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
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The eight TPC-H tables: DDL and, for each row {@code io.trino.tpch} generates (a Java port of the official
 * dbgen: the rows the expected answers were computed on), its column values as Java objects — {@link Integer},
 * {@link Long}, {@link BigDecimal} (exact, from the generator's cent counts), {@link String} or {@link LocalDate}.
 * Loaders turn those into JDBC parameters or Appender calls.
 *
 * <p>Types follow the specification (clause 1.4): keys INTEGER (order keys BIGINT), money and quantities
 * {@code DECIMAL(15,2)}, fixed text {@code CHAR(n)}, free text {@code VARCHAR(n)}, DATE, and the specification's
 * primary keys — the same DDL for every engine (SQLite maps the types to its affinities).
 */
public final class TpchTables {
    /** One table: DDL, and a generated row's values in column order. */
    public record Table<E extends TpchEntity>(TpchTable<E> generator, String ddl, Function<E, Object[]> values) {
        public String name() {
            return generator.getTableName();
        }

        /** The rows of scale factor {@code sf}, each as its column values. */
        public Iterable<Object[]> rows(double sf) {
            Iterable<E> source = generator.createGenerator(sf, 1, 1);
            return () -> new java.util.Iterator<>() {
                private final java.util.Iterator<E> it = source.iterator();

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Object[] next() {
                    return values.apply(it.next());
                }
            };
        }
    }

    /** In load order (referenced tables first). */
    public static final List<Table<?>> ALL = List.of(
            new Table<>(TpchTable.REGION, """
                    CREATE TABLE region (
                        r_regionkey INTEGER NOT NULL PRIMARY KEY,
                        r_name CHAR(25) NOT NULL,
                        r_comment VARCHAR(152) NOT NULL)""",
                    (Region r) -> new Object[] {(int) r.getRegionKey(), r.getName(), r.getComment()}),
            new Table<>(TpchTable.NATION, """
                    CREATE TABLE nation (
                        n_nationkey INTEGER NOT NULL PRIMARY KEY,
                        n_name CHAR(25) NOT NULL,
                        n_regionkey INTEGER NOT NULL,
                        n_comment VARCHAR(152) NOT NULL)""",
                    (Nation n) -> new Object[] {(int) n.getNationKey(), n.getName(), (int) n.getRegionKey(),
                        n.getComment()}),
            new Table<>(TpchTable.SUPPLIER, """
                    CREATE TABLE supplier (
                        s_suppkey INTEGER NOT NULL PRIMARY KEY,
                        s_name CHAR(25) NOT NULL,
                        s_address VARCHAR(40) NOT NULL,
                        s_nationkey INTEGER NOT NULL,
                        s_phone CHAR(15) NOT NULL,
                        s_acctbal DECIMAL(15,2) NOT NULL,
                        s_comment VARCHAR(101) NOT NULL)""",
                    (Supplier s) -> new Object[] {(int) s.getSupplierKey(), s.getName(), s.getAddress(),
                        (int) s.getNationKey(), s.getPhone(), cents(s.getAccountBalanceInCents()), s.getComment()}),
            new Table<>(TpchTable.CUSTOMER, """
                    CREATE TABLE customer (
                        c_custkey INTEGER NOT NULL PRIMARY KEY,
                        c_name VARCHAR(25) NOT NULL,
                        c_address VARCHAR(40) NOT NULL,
                        c_nationkey INTEGER NOT NULL,
                        c_phone CHAR(15) NOT NULL,
                        c_acctbal DECIMAL(15,2) NOT NULL,
                        c_mktsegment CHAR(10) NOT NULL,
                        c_comment VARCHAR(117) NOT NULL)""",
                    (Customer c) -> new Object[] {(int) c.getCustomerKey(), c.getName(), c.getAddress(),
                        (int) c.getNationKey(), c.getPhone(), cents(c.getAccountBalanceInCents()), c.getMarketSegment(),
                        c.getComment()}),
            new Table<>(TpchTable.PART, """
                    CREATE TABLE part (
                        p_partkey INTEGER NOT NULL PRIMARY KEY,
                        p_name VARCHAR(55) NOT NULL,
                        p_mfgr CHAR(25) NOT NULL,
                        p_brand CHAR(10) NOT NULL,
                        p_type VARCHAR(25) NOT NULL,
                        p_size INTEGER NOT NULL,
                        p_container CHAR(10) NOT NULL,
                        p_retailprice DECIMAL(15,2) NOT NULL,
                        p_comment VARCHAR(23) NOT NULL)""",
                    (Part p) -> new Object[] {(int) p.getPartKey(), p.getName(), p.getManufacturer(), p.getBrand(),
                        p.getType(), p.getSize(), p.getContainer(), cents(p.getRetailPriceInCents()), p.getComment()}),
            new Table<>(TpchTable.PART_SUPPLIER, """
                    CREATE TABLE partsupp (
                        ps_partkey INTEGER NOT NULL,
                        ps_suppkey INTEGER NOT NULL,
                        ps_availqty INTEGER NOT NULL,
                        ps_supplycost DECIMAL(15,2) NOT NULL,
                        ps_comment VARCHAR(199) NOT NULL,
                        PRIMARY KEY (ps_partkey, ps_suppkey))""",
                    (PartSupplier ps) -> new Object[] {(int) ps.getPartKey(), (int) ps.getSupplierKey(),
                        ps.getAvailableQuantity(), cents(ps.getSupplyCostInCents()), ps.getComment()}),
            new Table<>(TpchTable.ORDERS, """
                    CREATE TABLE orders (
                        o_orderkey BIGINT NOT NULL PRIMARY KEY,
                        o_custkey INTEGER NOT NULL,
                        o_orderstatus CHAR(1) NOT NULL,
                        o_totalprice DECIMAL(15,2) NOT NULL,
                        o_orderdate DATE NOT NULL,
                        o_orderpriority CHAR(15) NOT NULL,
                        o_clerk CHAR(15) NOT NULL,
                        o_shippriority INTEGER NOT NULL,
                        o_comment VARCHAR(79) NOT NULL)""",
                    (Order o) -> new Object[] {o.getOrderKey(), (int) o.getCustomerKey(),
                        String.valueOf(o.getOrderStatus()), cents(o.getTotalPriceInCents()), date(o.getOrderDate()),
                        o.getOrderPriority(), o.getClerk(), o.getShipPriority(), o.getComment()}),
            new Table<>(TpchTable.LINE_ITEM, """
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
                        PRIMARY KEY (l_orderkey, l_linenumber))""",
                    (LineItem l) -> new Object[] {l.getOrderKey(), (int) l.getPartKey(), (int) l.getSupplierKey(),
                        l.getLineNumber(), BigDecimal.valueOf(l.getQuantity()).setScale(2),
                        cents(l.getExtendedPriceInCents()), cents(l.getDiscountPercent()), cents(l.getTaxPercent()),
                        l.getReturnFlag(), l.getStatus(), date(l.getShipDate()), date(l.getCommitDate()),
                        date(l.getReceiptDate()), l.getShipInstructions(), l.getShipMode(), l.getComment()}));

    private TpchTables() {
    }

    /** The number of columns of {@code t}'s rows. */
    public static int columns(Table<?> t) {
        return (int) t.ddl().lines().filter(l -> l.strip().matches("[a-z_]+ [A-Z].*")).count();
    }

    private static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static LocalDate date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
