package vn.kehoach.exchange.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a JSON object whose properties are scalars or arrays of objects (the KeHoach package and DHIS2's
 * dataValueSets), handing each array entry over with the line it starts on, so errors name that line.
 * Decimals are read as {@link BigDecimal}, never through a double.
 */
public final class JsonEntries {

    /** Receives what the object holds. */
    public interface Visitor {
        void scalar(String key, JsonNode value);

        void entry(String array, long line, JsonNode entry);
    }

    /** A file that is not the JSON expected, with the line where reading stopped. */
    public static final class Malformed extends RuntimeException {
        private final long line;

        Malformed(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonEntries() {
    }

    public static void read(InputStream in, Visitor visitor) {
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed(p.currentTokenLocation().getLineNr(), "tệp JSON phải là một đối tượng { … }");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    JsonToken item;
                    while ((item = p.nextToken()) == JsonToken.START_OBJECT) {
                        long line = p.currentTokenLocation().getLineNr();
                        visitor.entry(key, line, MAPPER.readTree(p));
                    }
                    if (item != JsonToken.END_ARRAY) {
                        throw new Malformed(p.currentTokenLocation().getLineNr(),
                                "mỗi mục của '" + key + "' phải là một đối tượng { … }");
                    }
                } else {
                    visitor.scalar(key, MAPPER.readTree(p));
                }
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new Malformed(line, "JSON không hợp lệ: " + e.getOriginalMessage());
        }
    }

    /** The entry's properties as cells: numbers as BigDecimal, booleans and text as text, null as absent. */
    public static Map<String, Object> cells(JsonNode entry) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entry.properties()) {
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isNumber()) {
                cells.put(e.getKey(), v.decimalValue());
            } else if (v.isBoolean()) {
                cells.put(e.getKey(), String.valueOf(v.booleanValue()));
            } else if (v.isString()) {
                cells.put(e.getKey(), v.stringValue());
            } else {
                cells.put(e.getKey(), v.toString());
            }
        }
        return cells;
    }
}
