package vn.kehoach.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.exchange.internal.JsonEntries;
import vn.kehoach.format.Csv;
import vn.kehoach.format.SpreadsheetText;

/**
 * Reads and writes DHIS2's {@code dataValueSets} files, JSON and CSV, exactly as DHIS2 imports and exports them
 * (field names, the CSV header {@code dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,
 * storedby,lastupdated,comment,followup,deleted}). It knows nothing of KeHoach's codes: {@link Dhis2Mapping}
 * translates. A malformed file is refused with an {@link IllegalArgumentException} naming the line.
 */
public final class Dhis2DataValueSets {

    /** DHIS2's CSV columns, in DHIS2's order. */
    public static final List<String> CSV_HEADER = List.of("dataelement", "period", "orgunit", "categoryoptioncombo",
            "attributeoptioncombo", "value", "storedby", "lastupdated", "comment", "followup", "deleted");

    private static final JsonMapper WRITER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Dhis2DataValueSets() {
    }

    /** Reads a dataValueSet in JSON; values without their own period, org unit or attribute combo inherit the set's. */
    public static Dhis2DataValueSet read(InputStream json) {
        String[] set = new String[5];
        List<JsonNode> nodes = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try {
            JsonEntries.read(json, new JsonEntries.Visitor() {
                @Override
                public void scalar(String key, JsonNode value) {
                    String v = value.isNull() ? null : value.asString();
                    switch (key) {
                        case "dataSet" -> set[0] = v;
                        case "completeDate", "completedDate" -> set[1] = v;
                        case "period" -> set[2] = v;
                        case "orgUnit" -> set[3] = v;
                        case "attributeOptionCombo" -> set[4] = v;
                        default -> { }
                    }
                }

                @Override
                public void entry(String array, long line, JsonNode entry) {
                    if (array.equals("dataValues")) {
                        nodes.add(entry);
                        lines.add(line);
                    }
                }
            });
        } catch (JsonEntries.Malformed e) {
            throw new IllegalArgumentException((e.line() > 0 ? "dòng " + e.line() + ": " : "") + e.getMessage());
        }
        List<Dhis2DataValue> values = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            values.add(new Dhis2DataValue(text(n, "dataElement"), or(text(n, "period"), set[2]),
                    or(text(n, "orgUnit"), set[3]), text(n, "categoryOptionCombo"),
                    or(text(n, "attributeOptionCombo"), set[4]), text(n, "value"), text(n, "storedBy"),
                    text(n, "created"), text(n, "lastUpdated"), text(n, "comment"), flag(n, "followup"),
                    flag(n, "deleted"), lines.get(i)));
        }
        return new Dhis2DataValueSet(set[0], set[1], set[2], set[3], set[4], values);
    }

    /**
     * Reads DHIS2's CSV; the header line is optional, as in DHIS2 (without one, the columns are in DHIS2's order).
     * The apostrophe {@link #writeCsv} puts before formula-like text is dropped again.
     */
    public static Dhis2DataValueSet readCsv(InputStream csv) {
        List<Dhis2DataValue> values = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(csv, StandardCharsets.UTF_8))
                .setFormat(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()).get()) {
            boolean first = true;
            for (CSVRecord r : parser) {
                List<String> cells = r.toList();
                if (first && !cells.isEmpty() && stripBom(cells.get(0)).equalsIgnoreCase("dataelement")) {
                    first = false;
                    continue;
                }
                first = false;
                if (cells.size() < 6) {
                    throw new IllegalArgumentException("dòng " + parser.getCurrentLineNumber()
                            + ": cần ít nhất 6 cột (dataelement, period, orgunit, categoryoptioncombo, attributeoptioncombo, value)");
                }
                values.add(new Dhis2DataValue(blank(cells.get(0)), blank(cells.get(1)), blank(cells.get(2)),
                        blank(cells.get(3)), blank(cells.get(4)), blank(cells.get(5)),
                        SpreadsheetText.restore(cell(cells, 6)), null, cell(cells, 7),
                        SpreadsheetText.restore(cell(cells, 8)), Boolean.parseBoolean(cell(cells, 9)), Boolean.parseBoolean(cell(cells, 10)),
                        parser.getCurrentLineNumber()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("không đọc được tệp CSV của DHIS2: " + e.getMessage());
        }
        return new Dhis2DataValueSet(null, null, null, null, null, values);
    }

    /** Writes the set as DHIS2 JSON. */
    public static void write(Dhis2DataValueSet set, OutputStream out) {
        try (JsonGenerator g = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            optional(g, "dataSet", set.dataSet());
            optional(g, "completeDate", set.completeDate());
            optional(g, "period", set.period());
            optional(g, "orgUnit", set.orgUnit());
            optional(g, "attributeOptionCombo", set.attributeOptionCombo());
            g.writeName("dataValues");
            g.writeStartArray();
            for (Dhis2DataValue v : set.dataValues()) {
                g.writeStartObject();
                for (Map.Entry<String, String> e : fields(v)) {
                    optional(g, e.getKey(), e.getValue());
                }
                if (v.followup()) {
                    g.writeBooleanProperty("followup", true);
                }
                if (v.deleted()) {
                    g.writeBooleanProperty("deleted", true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Writes the values as DHIS2 CSV, with its header line. */
    public static void writeCsv(List<Dhis2DataValue> values, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Csv.write(w, CSV_HEADER, values.stream().map(v -> java.util.Arrays.<Object>asList(v.dataElement(), v.period(),
                    v.orgUnit(), v.categoryOptionCombo(), v.attributeOptionCombo(), v.value(), v.storedBy(),
                    v.lastUpdated(), v.comment(), v.followup(), v.deleted())).toList());
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map.Entry<String, String>> fields(Dhis2DataValue v) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("dataElement", nz(v.dataElement())));
        f.add(Map.entry("period", nz(v.period())));
        f.add(Map.entry("orgUnit", nz(v.orgUnit())));
        f.add(Map.entry("categoryOptionCombo", nz(v.categoryOptionCombo())));
        f.add(Map.entry("attributeOptionCombo", nz(v.attributeOptionCombo())));
        f.add(Map.entry("value", nz(v.value())));
        f.add(Map.entry("storedBy", nz(v.storedBy())));
        f.add(Map.entry("created", nz(v.created())));
        f.add(Map.entry("lastUpdated", nz(v.lastUpdated())));
        f.add(Map.entry("comment", nz(v.comment())));
        return f;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void optional(JsonGenerator g, String name, String value) {
        if (value != null && !value.isEmpty()) {
            g.writeStringProperty(name, value);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
        return s.isBlank() ? null : s.strip();
    }

    private static boolean flag(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && (v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asString()));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? blank(cells.get(i)) : null;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
