package vn.kehoach.target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Figure;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/**
 * The target grid (bảng giao chỉ tiêu) of one unit and plan year: a row per figure of the catalog, a column per issuer
 * (cấp giao), each cell a target typed as a person writes it ({@link TargetCell}). Saving takes every changed cell at
 * once: all are read first and the first bad one refuses the whole save, naming its figure and issuer; then all are
 * stored in one transaction, each through {@link Targets#save} (its access rule and its audit trail).
 */
@Service
public class TargetGrid {

    /** A cell as typed: blank text clears the cell (the target is deleted). */
    public record Cell(String figureCode, Issuer issuer, String text) {
    }

    /** One row: the figure, its unit of measure, and the text of each issuer's cell ("" when empty). */
    public record Row(Figure figure, String sectorCode, String unitSymbol, Map<Issuer, String> cells) {
    }

    /** The grid of a unit and year; {@code decisions} holds each column's decision as stored on its targets. */
    public record Grid(OrgUnit unit, Period year, List<Issuer> issuers, List<Row> rows, Map<Issuer, String> decisions) {
    }

    /**
     * What a grid page sent: the cells whose text differs from what the page showed ({@code c:FIGURE:ISSUER} against
     * {@code o:FIGURE:ISSUER}), every typed text by {@code FIGURE:ISSUER}, and each column's decision ({@code d:ISSUER}).
     */
    public record Sent(List<Cell> changed, Map<String, String> typed, Map<Issuer, String> decisions) {

        public static Sent of(Map<String, String> form) {
            List<Cell> changed = new ArrayList<>();
            Map<String, String> typed = new HashMap<>();
            Map<Issuer, String> decisions = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : form.entrySet()) {
                if (e.getKey().startsWith("c:")) {
                    String key = e.getKey().substring(2);
                    String[] parts = key.split(":");
                    typed.put(key, e.getValue());
                    if (!form.getOrDefault("o:" + key, "").strip().equals(e.getValue().strip())) {
                        changed.add(new Cell(parts[0], Issuer.valueOf(parts[1]), e.getValue()));
                    }
                } else if (e.getKey().startsWith("d:")) {
                    decisions.put(Issuer.valueOf(e.getKey().substring(2)), e.getValue());
                }
            }
            return new Sent(changed, typed, decisions);
        }
    }

    private final Targets targets;
    private final Catalog catalog;

    public TargetGrid(Targets targets, Catalog catalog) {
        this.targets = targets;
        this.catalog = catalog;
    }

    /** The latest year holding targets of the unit itself, if any. */
    public Optional<Period> latestYear(OrgUnit unit) {
        return targets.list(unit, null, null).stream().map(Target::period)
                .filter(p -> p.type() == PeriodType.YEARLY).max(Period::compareTo);
    }

    /**
     * The grid of the unit for the year over the given figures (null: every figure of the catalog). Its columns are
     * the issuers of the unit's own level and those above it, the district's only for a district or where targets
     * already use them (districts were abolished on 1 July 2025).
     */
    public Grid grid(OrgUnit unit, Period year, Collection<String> figureCodes) {
        checkYear(year);
        List<Target> stored = targets.list(unit, year, null);
        Set<Issuer> issuers = EnumSet.copyOf(columns(unit.kind()));
        stored.forEach(t -> issuers.add(t.issuer()));
        Map<String, Map<Issuer, Target>> byFigure = new HashMap<>();
        Map<Issuer, String> decisions = new LinkedHashMap<>();
        for (Target t : stored) {
            byFigure.computeIfAbsent(t.figureCode(), k -> new HashMap<>()).put(t.issuer(), t);
            if (t.decision() != null) {
                decisions.putIfAbsent(t.issuer(), t.decision());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Figure f : catalog.figures()) {
            if (figureCodes != null && !figureCodes.contains(f.code())) {
                continue;
            }
            Map<Issuer, String> cells = new LinkedHashMap<>();
            for (Issuer i : issuers) {
                Target t = byFigure.getOrDefault(f.code(), Map.of()).get(i);
                cells.put(i, t == null ? "" : TargetCell.format(t, f));
            }
            rows.add(new Row(f, f.sectorCode(), catalog.findUnit(f.unitCode()).map(u -> u.symbol()).orElse(f.unitCode()),
                    cells));
        }
        return new Grid(unit, year, List.copyOf(issuers), rows, decisions);
    }

    /**
     * Stores the changed cells of the unit's grid for the year with the chosen status and, per column, the decision
     * that set them (blank: the cell's target keeps its own). Returns how many targets were set or cleared.
     */
    @Transactional
    public int save(OrgUnit unit, Period year, String status, Map<Issuer, String> decisions, List<Cell> changed,
                    String user, Source source) {
        checkYear(year);
        List<Target> toSave = new ArrayList<>();
        List<Cell> toClear = new ArrayList<>();
        for (Cell c : changed) {
            Figure figure = catalog.findFigure(c.figureCode()).orElseThrow(() -> new GridCellException(c,
                    c.figureCode(), c.issuer(), "Không có chỉ tiêu mã '" + c.figureCode() + "'"));
            Optional<Target> old = targets.find(figure.code(), unit.code(), year, c.issuer());
            TargetCell cell;
            try {
                cell = TargetCell.parse(c.text());
            } catch (IllegalArgumentException e) {
                throw new GridCellException(c, figure.name(), c.issuer(), e.getMessage());
            }
            if (cell == null) {
                if (old.isPresent()) {
                    toClear.add(c);
                }
                continue;
            }
            String decision = decisions == null ? null : decisions.get(c.issuer());
            TargetInput in = new TargetInput(figure.code(), unit.code(), year.id(), c.issuer().name(), cell.direction(),
                    old.map(t -> t.basis().name()).orElse(null), cell.value(), cell.valueHigh(), status,
                    decision == null || decision.isBlank() ? old.map(Target::decision).orElse(null) : decision,
                    old.map(Target::wording).orElse(null), old.map(Target::note).orElse(null), null);
            try {
                toSave.add(targets.read(in, Numbers.vi()::parse));
            } catch (TargetInputException e) {
                throw new GridCellException(c, figure.name(), c.issuer(), e.getMessage());
            }
        }
        for (Target t : toSave) {
            targets.save(t, user, source);
        }
        for (Cell c : toClear) {
            targets.delete(c.figureCode(), unit.code(), year, c.issuer(), user, source);
        }
        return toSave.size() + toClear.size();
    }

    private static void checkYear(Period year) {
        if (year == null || year.type() != PeriodType.YEARLY) {
            throw new TargetInputException("year", year == null ? null : year.id(),
                    "Bảng giao chỉ tiêu theo năm kế hoạch (ví dụ 2027), không theo kỳ " + (year == null ? "" : year.id()));
        }
    }

    private static Set<Issuer> columns(OrgUnitKind kind) {
        return switch (kind) {
            case COUNTRY -> EnumSet.of(Issuer.CENTRAL);
            case PROVINCE -> EnumSet.of(Issuer.CENTRAL, Issuer.PROVINCE_COUNCIL, Issuer.PROVINCE);
            case DISTRICT -> EnumSet.of(Issuer.PROVINCE, Issuer.DISTRICT_COUNCIL, Issuer.DISTRICT_COMMITTEE);
            default -> EnumSet.of(Issuer.PROVINCE, Issuer.COMMUNE_COUNCIL, Issuer.COMMUNE_COMMITTEE);
        };
    }

    /** A cell of the grid that cannot be stored, naming its row (the figure) and its column (the issuer). */
    public static class GridCellException extends TargetInputException {

        private final String figureCode;
        private final Issuer issuer;

        GridCellException(Cell cell, String figureName, Issuer issuer, String message) {
            super("value", cell.text(), "Chỉ tiêu «" + figureName + "», cột «" + issuer.label() + "»: " + message);
            this.figureCode = cell.figureCode();
            this.issuer = issuer;
        }

        public String figureCode() {
            return figureCode;
        }

        public Issuer issuer() {
            return issuer;
        }
    }
}
