package vn.kehoach.entry.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSetElement;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.demo.DemoDistrictLoaded;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.period.PeriodType;
import vn.kehoach.validation.Importance;
import vn.kehoach.validation.Operator;
import vn.kehoach.validation.RuleSideLevel;
import vn.kehoach.validation.ValidationRule;
import vn.kehoach.validation.ValidationRules;

/**
 * The demo district's forms and validation rules, from the readable files under {@code demo/halang/entry}: loaded
 * (again: replaced in place) whenever the demo district is, in the same transaction.
 */
@Component
class DemoForms {

    static final String FOLDER = DemoDistrict.FOLDER + "/entry/";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    private final DataSets dataSets;
    private final ValidationRules rules;

    DemoForms(DataSets dataSets, ValidationRules rules) {
        this.dataSets = dataSets;
        this.rules = rules;
    }

    @EventListener
    void load(DemoDistrictLoaded event) {
        Map<String, List<DataSetElement>> lines = new LinkedHashMap<>();
        for (Row r : read("form_elements.csv")) {
            r.apply(() -> lines.computeIfAbsent(r.get("form").toUpperCase(), k -> new ArrayList<>()).add(
                    new DataSetElement(r.get("element"), ValueKind.parse(r.get("kind")),
                            Boolean.parseBoolean(r.get("required")), r.get("section"))));
        }
        for (Row r : read("forms.csv")) {
            Set<OrgUnitKind> kinds = EnumSet.noneOf(OrgUnitKind.class);
            for (String k : r.get("unit_kinds").split("[,;\\s]+")) {
                kinds.add(OrgUnitKind.parse(k));
            }
            String code = r.get("code").toUpperCase();
            r.apply(() -> dataSets.save(new DataSet(code, r.get("name"), PeriodType.valueOf(r.get("period_type")), kinds,
                    Integer.parseInt(r.get("due_days")), r.get("description"), Integer.parseInt(r.get("order")),
                    lines.getOrDefault(code, List.of()))));
        }
        int order = 0;
        for (Row r : read("rules.csv")) {
            int sort = order += 10;
            String tolerance = r.get("tolerance_pct");
            r.apply(() -> rules.save(new ValidationRule(r.get("code").toUpperCase(), r.get("name"), r.get("left_side"),
                    r.get("left_label"), Operator.parse(r.get("operator")), r.get("right_side"), r.get("right_label"),
                    RuleSideLevel.parse(r.get("right_side_at")),
                    tolerance == null ? null : Numbers.parseMachine(tolerance), Importance.parse(r.get("importance")),
                    r.get("message"), sort)));
        }
    }

    /** A line of one of the files; an error in it names the file and line, as the files are ours to fix. */
    private record Row(String file, long line, Map<String, String> cells) {

        String get(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }

        void apply(Runnable write) {
            try {
                write.run();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ", dòng " + line + ": " + e.getMessage(), e);
            }
        }
    }

    private static List<Row> read(String name) {
        try {
            String text = new ClassPathResource(FOLDER + name).getContentAsString(StandardCharsets.UTF_8);
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
                List<Row> rows = new ArrayList<>();
                for (CSVRecord r : parser) {
                    rows.add(new Row(name, parser.getCurrentLineNumber(), r.toMap()));
                }
                return rows;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("không đọc được " + FOLDER + name, e);
        }
    }
}
