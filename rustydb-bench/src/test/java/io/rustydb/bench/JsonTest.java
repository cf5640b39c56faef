package io.rustydb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNestedValuesAndEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\nd\u0001");
        m.put("n", 3.0);
        m.put("x", 0.5);
        m.put("nan", Double.NaN);
        m.put("b", true);
        m.put("l", List.of(1, "two"));
        m.put("d", new double[] {1.5, 2});
        m.put("e", Map.of());
        m.put("z", null);
        assertEquals("{\n  \"s\": \"a\\\"b\\\\c\\nd\\u0001\",\n  \"n\": 3,\n  \"x\": 0.5,\n  \"nan\": null,\n"
                + "  \"b\": true,\n  \"l\": [1, \"two\"],\n  \"d\": [1.5, 2],\n  \"e\": {},\n  \"z\": null\n}\n",
                Json.write(m));
    }
}
