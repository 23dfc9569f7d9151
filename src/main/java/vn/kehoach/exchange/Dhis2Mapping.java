package vn.kehoach.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.kehoach.datavalue.ValueKind;

/**
 * How KeHoach's codes are written in DHIS2: data elements and org units by their DHIS2 UID or code, and the kind
 * of a value (thực hiện, ước thực hiện) as a category option combo. A code without a mapping is written as
 * itself, which DHIS2 reads with {@code idScheme=CODE}; without a mapping for kinds, ACTUAL and ESTIMATE are
 * the combos' codes, and DHIS2's default combo ({@code HllvX50cXC0}, "default" or none) reads as ACTUAL.
 *
 * <p>A mapping file is CSV with the header {@code type,kehoach,dhis2}; {@code type} is {@code dataElement},
 * {@code orgUnit}, {@code categoryOptionCombo} (kehoach = ACTUAL or ESTIMATE) or {@code attributeOptionCombo}
 * (kehoach = *, the combo every exported value gets).
 */
public record Dhis2Mapping(Map<String, String> dataElements, Map<String, String> orgUnits,
                           Map<ValueKind, String> categoryOptionCombos, String attributeOptionCombo) {

    /** DHIS2's built-in category option combo "default". */
    public static final String DEFAULT_COMBO = "HllvX50cXC0";

    public Dhis2Mapping {
        dataElements = Map.copyOf(dataElements);
        orgUnits = Map.copyOf(orgUnits);
        categoryOptionCombos = Map.copyOf(categoryOptionCombos);
    }

    /** No mapping: every code as itself. */
    public static Dhis2Mapping identity() {
        return new Dhis2Mapping(Map.of(), Map.of(), Map.of(), null);
    }

    /** Reads a mapping file; an unknown type or a code mapped twice is refused, naming the line. */
    public static Dhis2Mapping read(String name, InputStream csv) {
        Map<String, String> elements = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        Map<ValueKind, String> combos = new HashMap<>();
        String aoc = null;
        try (CSVParser parser = CSVParser.builder().setReader(new InputStreamReader(csv, StandardCharsets.UTF_8))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                        .setIgnoreEmptyLines(true).setTrim(true).get()).get()) {
            for (String c : new String[] {"type", "kehoach", "dhis2"}) {
                if (parser.getHeaderNames().stream().noneMatch(h -> h.strip().replace("\uFEFF", "").equalsIgnoreCase(c))) {
                    throw new IllegalArgumentException(name + ", dòng 1: bảng ánh xạ DHIS2 cần các cột type,kehoach,dhis2");
                }
            }
            for (CSVRecord r : parser) {
                String type = get(r, "type");
                String code = get(r, "kehoach");
                String id = get(r, "dhis2");
                long line = parser.getCurrentLineNumber();
                if (type == null || code == null || id == null) {
                    throw new IllegalArgumentException(name + ", dòng " + line + ": cần đủ type, kehoach và dhis2");
                }
                String previous = switch (type.toLowerCase()) {
                    case "dataelement" -> elements.put(code.toUpperCase(), id);
                    case "orgunit" -> units.put(code.toUpperCase(), id);
                    case "categoryoptioncombo" -> {
                        try {
                            yield combos.put(ValueKind.valueOf(code.toUpperCase()), id);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(name + ", dòng " + line
                                    + ": categoryOptionCombo ánh xạ loại số liệu ACTUAL hoặc ESTIMATE, không phải '" + code + "'");
                        }
                    }
                    case "attributeoptioncombo" -> {
                        String old = aoc;
                        aoc = id;
                        yield old;
                    }
                    default -> throw new IllegalArgumentException(name + ", dòng " + line + ": loại '" + type
                            + "' không có; dùng dataElement, orgUnit, categoryOptionCombo hoặc attributeOptionCombo");
                };
                if (previous != null && !previous.equals(id)) {
                    throw new IllegalArgumentException(name + ", dòng " + line + ": mã '" + code
                            + "' đã được ánh xạ sang '" + previous + "'");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": không đọc được bảng ánh xạ: " + e.getMessage());
        }
        return new Dhis2Mapping(elements, units, combos, aoc);
    }

    private static String get(CSVRecord r, String column) {
        for (Map.Entry<String, String> e : r.toMap().entrySet()) {
            if (e.getKey().strip().replace("\uFEFF", "").equalsIgnoreCase(column)) {
                return e.getValue() == null || e.getValue().isBlank() ? null : e.getValue().strip();
            }
        }
        return null;
    }

    public String element(String code) {
        return dataElements.getOrDefault(code, code);
    }

    public String orgUnit(String code) {
        return orgUnits.getOrDefault(code, code);
    }

    public String combo(ValueKind kind) {
        return categoryOptionCombos.getOrDefault(kind, kind.name());
    }

    /** The KeHoach element code of a DHIS2 data element id. */
    public String elementCode(String dhis2) {
        return reverse(dataElements, dhis2);
    }

    public String orgUnitCode(String dhis2) {
        return reverse(orgUnits, dhis2);
    }

    /** The kind of a value from its category option combo; null when the combo is not a known one. */
    public ValueKind kindOf(String combo) {
        for (Map.Entry<ValueKind, String> e : categoryOptionCombos.entrySet()) {
            if (e.getValue().equals(combo)) {
                return e.getKey();
            }
        }
        if (combo == null || combo.isBlank() || combo.equals(DEFAULT_COMBO) || combo.equalsIgnoreCase("default")) {
            return ValueKind.ACTUAL;
        }
        for (ValueKind k : ValueKind.values()) {
            if (k.name().equalsIgnoreCase(combo) && !categoryOptionCombos.containsKey(k)) {
                return k;
            }
        }
        return null;
    }

    private static String reverse(Map<String, String> map, String dhis2) {
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getValue().equals(dhis2)) {
                return e.getKey();
            }
        }
        return dhis2;
    }
}
