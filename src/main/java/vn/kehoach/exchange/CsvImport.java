package vn.kehoach.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.MissingValues;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.catalog.Sector;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.exchange.internal.CsvRows;
import vn.kehoach.exchange.internal.CsvRows.Line;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;
import vn.kehoach.target.TargetStatus;
import vn.kehoach.target.Targets;

/**
 * Imports CSV files of the KeHoach package format. Each file's kind is known from its header; files are
 * applied in dependency order (units, sectors, org units, elements, indicators, values, targets), all in
 * one transaction: any error anywhere and nothing is stored, and every error is reported with its place.
 */
@Service
public class CsvImport {

    /** The kinds of file, in the order they are applied, each known by the columns it must have. */
    enum Kind {
        UNITS("đơn vị tính", List.of("code", "name", "symbol", "dimension", "factor")),
        SECTORS("lĩnh vực", List.of("code", "name", "field")),
        ORG_UNITS("đơn vị", List.of("code", "name", "kind", "parent")),
        ELEMENTS("chỉ tiêu thu thập", List.of("code", "name", "unit", "value_type", "tree_aggregation", "time_aggregation")),
        INDICATORS("chỉ tiêu tính toán", List.of("code", "name", "unit", "formula")),
        VALUES("số liệu", List.of("element", "org_unit", "period", "value")),
        TARGETS("chỉ tiêu kế hoạch", List.of("figure", "org_unit", "issuer", "value"));

        final String label;
        final List<String> columns;

        Kind(String label, List<String> columns) {
            this.label = label;
            this.columns = columns;
        }

        static Kind of(List<String> header) {
            for (Kind k : List.of(TARGETS, VALUES, INDICATORS, ELEMENTS, ORG_UNITS, UNITS, SECTORS)) {
                if (header.containsAll(k.columns)) {
                    return k;
                }
            }
            return null;
        }
    }

    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final DataValues dataValues;
    private final Targets targets;

    public CsvImport(Catalog catalog, OrgUnits orgUnits, DataValues dataValues, Targets targets) {
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.dataValues = dataValues;
        this.targets = targets;
    }

    /** Imports the files as one whole; throws {@link ImportException} listing every error, storing nothing. */
    @Transactional(rollbackFor = Exception.class)
    public ImportReport importFiles(List<CsvFile> files, String user, Source source) {
        List<ImportError> errors = new ArrayList<>();
        Map<Kind, List<CsvRows>> byKind = new LinkedHashMap<>();
        for (CsvFile f : files) {
            CsvRows rows = CsvRows.read(f, errors);
            if (rows.header().isEmpty()) {
                continue;
            }
            Kind kind = Kind.of(rows.header());
            if (kind == null) {
                errors.add(new ImportError(f.name(), 1, null, "không nhận ra loại tệp từ dòng tiêu đề " + rows.header()
                        + "; tệp số liệu cần các cột " + Kind.VALUES.columns + ", tệp chỉ tiêu kế hoạch cần "
                        + Kind.TARGETS.columns));
                continue;
            }
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(rows);
        }
        if (!errors.isEmpty()) {
            throw new ImportException(errors);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            for (CsvRows rows : byKind.getOrDefault(kind, List.of())) {
                int n = apply(kind, rows, user, source, errors);
                counts.merge(kind.label, n, Integer::sum);
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportException(errors);
        }
        return new ImportReport(counts);
    }

    /** Imports every *.csv file of a folder, or the given files. */
    public ImportReport importPaths(List<Path> paths, String user, Source source) {
        List<CsvFile> files = new ArrayList<>();
        for (Path p : paths) {
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        for (Path f : s.filter(x -> x.toString().toLowerCase().endsWith(".csv")).sorted().toList()) {
                            files.add(new CsvFile(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
                        }
                    }
                } else {
                    files.add(new CsvFile(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new ImportException(List.of(new ImportError(p.toString(), 0, null,
                        "không đọc được: " + e.getMessage())));
            }
        }
        return importFiles(files, user, source);
    }

    /** Reads every *.csv file of a classpath folder, such as the demo district's. */
    public static List<CsvFile> classpathFolder(String folder) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:" + folder + "/*.csv");
            List<CsvFile> files = new ArrayList<>();
            for (Resource r : Stream.of(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                files.add(new CsvFile(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int apply(Kind kind, CsvRows rows, String user, Source source, List<ImportError> errors) {
        int count = 0;
        int order = 0;
        for (Line line : rows.lines()) {
            order += 10;
            int before = errors.size();
            try {
                Runnable write = switch (kind) {
                    case UNITS -> unit(line);
                    case SECTORS -> sector(line, order);
                    case ORG_UNITS -> orgUnit(line);
                    case ELEMENTS -> element(line, order);
                    case INDICATORS -> indicator(line, order);
                    case VALUES -> value(line, user, source);
                    case TARGETS -> target(line, user, source);
                };
                if (errors.size() == before && write != null) {
                    write.run();
                    count++;
                }
            } catch (DataAccessException e) {
                rows.error(line, null, "lỗi cơ sở dữ liệu: " + e.getMostSpecificCause().getMessage());
                throw new ImportException(errors);
            } catch (IllegalArgumentException e) {
                rows.error(line, null, e.getMessage());
            }
        }
        return count;
    }

    private Runnable unit(Line l) {
        String code = l.required("code");
        String name = l.required("name");
        String symbol = l.required("symbol");
        String dimension = l.required("dimension");
        BigDecimal factor = l.number("factor", true);
        if (code == null || name == null || symbol == null || dimension == null || factor == null) {
            return null;
        }
        MeasureUnit unit = new MeasureUnit(code.toUpperCase(), name, symbol, dimension, factor);
        return () -> catalog.saveUnit(unit);
    }

    private Runnable sector(Line l, int order) {
        String code = l.required("code");
        String name = l.required("name");
        Integer sort = l.integer("order", order);
        if (code == null || name == null || sort == null) {
            return null;
        }
        Sector sector = new Sector(code.toUpperCase(), name, l.text("field"), sort);
        return () -> catalog.saveSector(sector);
    }

    private Runnable orgUnit(Line l) {
        String code = l.required("code");
        String name = l.required("name");
        OrgUnitKind kind = l.choice("kind", OrgUnitKind::parse, true);
        var from = l.date("valid_from");
        var to = l.date("valid_to");
        if (code == null || name == null || kind == null) {
            return null;
        }
        OrgUnitDraft draft = new OrgUnitDraft(code, name, kind, l.text("parent"), from, to);
        return () -> orgUnits.save(draft);
    }

    private Runnable element(Line l, int order) {
        String code = l.required("code");
        String name = l.required("name");
        String unit = l.required("unit");
        ValueType type = l.choice("value_type", t -> ValueType.valueOf(t.toUpperCase()), true);
        TreeAggregation tree = l.choice("tree_aggregation", t -> TreeAggregation.valueOf(t.toUpperCase()), true);
        TimeAggregation time = l.choice("time_aggregation", t -> TimeAggregation.valueOf(t.toUpperCase()), true);
        Polarity polarity = l.choice("polarity", CsvImport::polarity, false);
        Integer decimals = l.integer("decimals", 0);
        Integer pct = l.integer("pct_decimals", 1);
        Integer sort = l.integer("order", order);
        if (code == null || name == null || unit == null || type == null || tree == null || time == null
                || decimals == null || pct == null || sort == null) {
            return null;
        }
        DataElement e = new DataElement(0, code.toUpperCase(), name, unit.toUpperCase(), type, tree, time,
                upper(l.text("weight_element")), polarity, upper(l.text("sector")), upper(l.text("agency")), decimals,
                pct, sort, l.text("description"));
        return () -> catalog.saveElement(e);
    }

    private Runnable indicator(Line l, int order) {
        String code = l.required("code");
        String name = l.required("name");
        String unit = l.required("unit");
        String formula = l.required("formula");
        Polarity polarity = l.choice("polarity", CsvImport::polarity, false);
        MissingValues missing = l.choice("missing", t -> t == null ? MissingValues.SKIP_IF_ANY_MISSING
                : MissingValues.valueOf(t.toUpperCase()), false);
        Integer decimals = l.integer("decimals", 1);
        Integer pct = l.integer("pct_decimals", 1);
        Integer sort = l.integer("order", order);
        if (code == null || name == null || unit == null || formula == null || decimals == null || pct == null
                || sort == null || missing == null) {
            return null;
        }
        Indicator ind = new Indicator(0, code.toUpperCase(), name, unit.toUpperCase(), formula, polarity,
                upper(l.text("sector")), decimals, pct, missing, sort, l.text("description"));
        return () -> catalog.saveIndicator(ind);
    }

    private Runnable value(Line l, String user, Source source) {
        String element = l.required("element");
        String unit = l.required("org_unit");
        Period period = l.period("period", "thiếu kỳ của số liệu");
        ValueKind kind = l.choice("kind", ValueKind::parse, false);
        BigDecimal value = l.number("value", true);
        boolean illustrative = l.flag("illustrative");
        if (element == null || unit == null || period == null || kind == null || value == null) {
            return null;
        }
        Figure figure = catalog.findElement(element).orElse(null);
        if (figure == null) {
            l.errorUnknown("element", "chỉ tiêu", element);
            return null;
        }
        if (orgUnits.find(unit).isEmpty()) {
            l.errorUnknown("org_unit", "đơn vị", unit);
            return null;
        }
        BigDecimal converted = converted(l, figure, value);
        if (converted == null) {
            return null;
        }
        DataValueWrite w = new DataValueWrite(element, unit, period, kind, converted, l.text("comment"), illustrative, null);
        return () -> dataValues.save(w, user, source);
    }

    private Runnable target(Line l, String user, Source source) {
        String code = l.required("figure");
        String unit = l.required("org_unit");
        Period period = l.period("period", "chỉ tiêu kế hoạch phải có năm (kỳ), ví dụ 2022");
        Issuer issuer = l.choice("issuer", Issuer::parse, true);
        Direction direction = l.choice("direction", Direction::parse, false);
        Basis basis = l.choice("basis", Basis::parse, false);
        TargetStatus status = l.choice("status", TargetStatus::parse, false);
        BigDecimal value = l.number("value", true);
        BigDecimal high = l.number("value_high", false);
        boolean illustrative = l.flag("illustrative");
        if (code == null || unit == null || period == null || issuer == null || direction == null || basis == null
                || status == null || value == null) {
            return null;
        }
        Figure figure = catalog.findFigure(code).orElse(null);
        if (figure == null) {
            l.errorUnknown("figure", "chỉ tiêu", code);
            return null;
        }
        if (orgUnits.find(unit).isEmpty()) {
            l.errorUnknown("org_unit", "đơn vị", unit);
            return null;
        }
        BigDecimal converted = basis == Basis.LEVEL || basis == Basis.CHANGE ? converted(l, figure, value) : value;
        BigDecimal convertedHigh = high == null || basis == Basis.GROWTH_PCT ? high : converted(l, figure, high);
        if (converted == null) {
            return null;
        }
        Target t = new Target(figure.code(), unit, period, issuer, direction, basis, converted, convertedHigh, status,
                l.text("decision"), l.text("wording"), l.text("note"), illustrative);
        return () -> targets.save(t, user, source);
    }

    private BigDecimal converted(Line l, Figure figure, BigDecimal value) {
        try {
            return catalog.toFigureUnit(figure, value, l.text("unit"));
        } catch (IllegalArgumentException e) {
            l.errorAt("unit", e.getMessage());
            return null;
        }
    }

    private static Polarity polarity(String text) {
        return text == null ? Polarity.HIGHER_IS_BETTER : Polarity.valueOf(text.toUpperCase());
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase();
    }
}
