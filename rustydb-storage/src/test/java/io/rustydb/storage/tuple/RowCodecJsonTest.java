package io.rustydb.storage.tuple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.json.JsonValue;
import io.rustydb.core.type.DataType;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** JSON and JSONB values through the row codec: text and kind survive, next to NULLs and other columns. */
class RowCodecJsonTest {
    @Test
    void jsonValuesRoundTrip() {
        long seed = 20240611L;
        Random r = new Random(seed);
        DataType[] types = {DataType.INTEGER, DataType.JSON, DataType.JSONB, DataType.TEXT};
        String[] docs = {"{\"b\": 1,  \"a\" : [1, 2.50]}", "null", "\"é日本\"", "[]", "{\"k\": {\"n\": -0.0}}", "1e2"};
        for (int i = 0; i < 500; i++) {
            String text = docs[r.nextInt(docs.length)];
            Object[] row = {i, r.nextInt(4) == 0 ? null : JsonValue.json(text),
                r.nextInt(4) == 0 ? null : JsonValue.jsonb(text), "t" + i};
            Object[] back = RowCodec.decode(RowCodec.encode(types, row), types);
            String ctx = "seed " + seed + ", row " + i;
            assertEquals(row[0], back[0], ctx);
            assertEquals(row[3], back[3], ctx);
            for (int c = 1; c <= 2; c++) {
                if (row[c] == null) {
                    assertNull(back[c], ctx);
                    continue;
                }
                JsonValue in = (JsonValue) row[c];
                JsonValue out = (JsonValue) back[c];
                assertEquals(in.text(), out.text(), ctx);
                assertEquals(in.isJsonb(), out.isJsonb(), ctx);
                assertEquals(c == 2, out.isJsonb(), ctx);
                if (c == 2) {
                    assertEquals(in, out, ctx);
                    assertEquals(0, in.compareTo(out), ctx);
                }
            }
        }
        assertTrue(JsonValue.jsonb("1e2").text().equals("100"));
    }
}
