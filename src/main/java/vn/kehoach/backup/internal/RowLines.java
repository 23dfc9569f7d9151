package vn.kehoach.backup.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The file of a table: one row a line, each a JSON array of the columns' canonical texts (strings) or nulls, in the
 * manifest's column order, e.g. {@code ["7","HALANG","Huyện Hạ Lang","DISTRICT","1","/1/7/","2",null,null]}.
 * Writing is done here, character by character, so that the same rows always give the same bytes (and hash).
 */
public final class RowLines {

    /** The stream is the zip entry's, read to its end for the hash after the last row: the parser must not close it. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private RowLines() {
    }

    /** The line of one row, ending with a newline. */
    public static String line(String[] values) {
        StringBuilder b = new StringBuilder(64 + values.length * 12).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = values[i];
            if (v == null) {
                b.append("null");
            } else {
                quote(b, v);
            }
        }
        return b.append("]\n").toString();
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }

    /** Reads rows back, naming the line of anything that is not an array of strings and nulls. */
    public static final class Reader implements AutoCloseable {
        private final JsonParser parser;
        private long line;

        public Reader(InputStream in) {
            this.parser = JSON.createParser(in);
        }

        /** The line of the row last returned, from 1. */
        public long line() {
            return line;
        }

        /** The next row, or null at the end of the file. */
        public String[] next() {
            try {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    return null;
                }
                line = parser.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("dòng " + line + " không phải là một mảng JSON [ … ]");
                }
                List<String> values = new ArrayList<>();
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == JsonToken.VALUE_NULL) {
                        values.add(null);
                    } else if (t == JsonToken.VALUE_STRING) {
                        values.add(parser.getString());
                    } else {
                        throw new IllegalArgumentException("dòng " + line + ": giá trị phải là chuỗi hoặc null");
                    }
                }
                return values.toArray(String[]::new);
            } catch (JacksonException e) {
                long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
                throw new IllegalArgumentException("dòng " + at + ": JSON không hợp lệ (" + e.getOriginalMessage() + ")");
            }
        }

        @Override
        public void close() {
            parser.close();
        }
    }
}
