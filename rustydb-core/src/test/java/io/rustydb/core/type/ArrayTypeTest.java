package io.rustydb.core.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Array types, their text form (round trips of random arrays), casts and SQL comparison. */
class ArrayTypeTest {
    @Test
    void typeSpellings() {
        assertEquals(DataType.array(DataType.INTEGER), DataType.parse("int[]"));
        assertEquals(DataType.array(DataType.INTEGER), DataType.parse("INTEGER ARRAY"));
        assertEquals(DataType.array(DataType.varchar(10)), DataType.parse("VARCHAR(10)[3]"));
        assertEquals("DECIMAL(5,2)[]", DataType.parse("numeric(5,2)[]").sqlName());
        assertEquals(DataType.array(DataType.BIGINT),
                TypeRules.commonType(DataType.array(DataType.INTEGER), DataType.array(DataType.BIGINT)));
        assertEquals(DataType.array(DataType.INTEGER), DataType.of(SqlArray.of(1, null, 2)));
        assertEquals("0A000", assertThrows(DbException.class,
                () -> DataType.array(DataType.array(DataType.INTEGER))).code().sqlState());
    }

    @Test
    void textFormRoundTripsRandomArrays() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "ab ,{}\\\"\tNUL";
        for (int round = 0; round < 2000; round++) {
            List<Object> elements = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(5) == 0) {
                    elements.add(null);
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(5);
                for (int k = 0; k < len; k++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                elements.add(sb.toString());
            }
            SqlArray array = SqlArray.of(elements);
            String text = ArrayText.format(array);
            assertEquals(array, Casts.cast(text, DataType.array(DataType.TEXT)), "seed " + seed + ": " + text);
        }
    }

    @Test
    void parsingAndErrors() {
        DataType ints = DataType.array(DataType.INTEGER);
        assertEquals(SqlArray.of(1, null, 3), Casts.cast(" { 1 ,NULL , 3 } ", ints));
        assertEquals(SqlArray.of("NULL", "a b"), Casts.cast("{\"NULL\",a b}", DataType.array(DataType.TEXT)));
        assertEquals(SqlArray.of(), Casts.cast("{}", ints));
        for (String bad : new String[] {"{1,2", "1,2", "{1,,2}", "{1,2}x", "{\"a}", "{a\"b}", ""}) {
            assertEquals("22P02", assertThrows(DbException.class,
                    () -> Casts.cast(bad, DataType.array(DataType.TEXT)), bad).code().sqlState(), bad);
        }
        assertEquals("0A000", assertThrows(DbException.class, () -> Casts.cast("{{1},{2}}", ints)).code().sqlState());
        assertEquals("22P02", assertThrows(DbException.class, () -> Casts.cast("{x}", ints)).code().sqlState());
        assertEquals(SqlArray.of(new BigDecimal("1.50")), Casts.cast(SqlArray.of(1.5), DataType.array(DataType.decimal(4, 2))));
    }

    @Test
    void comparison() {
        assertTrue(Values.compare(SqlArray.of(1, 2), SqlArray.of(1, 3)) < 0);
        assertTrue(Values.compare(SqlArray.of(1), SqlArray.of(1, 0)) < 0);
        assertTrue(Values.compare(SqlArray.of(1, null), SqlArray.of(1, 5)) > 0);
        assertEquals(0, Values.compare(SqlArray.of(1, null), SqlArray.of(1L, null)));
        assertTrue(Values.equal(SqlArray.of(1), SqlArray.of(new BigDecimal("1.0"))));
        assertEquals(Values.hash(SqlArray.of(1, null)), Values.hash(SqlArray.of(1L, null)));
        assertEquals("{1,NULL,\"a,b\",t}", Values.toSqlString(SqlArray.of(1, null, "a,b", true)));
        assertEquals(Arrays.asList(1, null), SqlArray.of(1, null).elements());
    }
}
