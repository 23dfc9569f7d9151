package vn.kehoach.narrative;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.format.Numbers;
import vn.kehoach.narrative.internal.Arithmetic;
import vn.kehoach.narrative.internal.ReportText;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;

/**
 * Checks the figures a report states: its own arithmetic ("a/b … đạt X%", counts of named communes, totals and
 * their parts), and, when the report's unit is known, whether each value's unit fits the unit's own history
 * ("20,599 triệu đồng" where every past value is some 13 tỷ đồng).
 */
@Service
public class ReportChecker {

    /** A value more than this many times off the unit's usual size is suspected of a wrong unit. */
    private static final BigDecimal IMPLAUSIBLE = BigDecimal.valueOf(100);
    /** A unit is only questioned when the figure is matched with some certainty, or a weak match gives false alarms. */
    private static final double MATCH_NEEDED = 0.6;

    private final FigureExtractor extractor;
    private final OrgUnits orgUnits;
    private final DataValues dataValues;
    private final Catalog catalog;

    private final Guard guard;

    public ReportChecker(FigureExtractor extractor, OrgUnits orgUnits, DataValues dataValues, Catalog catalog,
                         Guard guard) {
        this.guard = guard;
        this.extractor = extractor;
        this.orgUnits = orgUnits;
        this.dataValues = dataValues;
        this.catalog = catalog;
    }

    /** Checks the text; {@code unitCode} names the report's unit, else it is read from the heading. */
    public CheckReport check(String text, String unitCode) {
        ReportText report = ReportText.of(text);
        Arithmetic arithmetic = Arithmetic.of(report);
        List<Finding> findings = new ArrayList<>(arithmetic.findings());
        OrgUnit unit = unitCode == null ? extractor.unitOf(text) : orgUnits.require(unitCode);
        if (unit != null) {
            // The unit's usual figures are its stored data: only for a reader of that unit.
            guard.checkRead(Resource.REPORT_FIGURES, unit.place());
        }
        if (unit != null) {
            findings.addAll(units(text, unit));
        }
        return new CheckReport(unit == null ? null : unit.code(), report.sentences().size(), arithmetic.checked(), findings,
                arithmetic.unchecked(), arithmetic.notes());
    }

    private List<Finding> units(String text, OrgUnit unit) {
        List<Finding> out = new ArrayList<>();
        for (Proposal p : extractor.extract(text)) {
            if (p.figureCode() == null || p.confidence() < MATCH_NEEDED || p.valueInFigureUnit() == null
                    || p.valueInFigureUnit().signum() <= 0) {
                continue;
            }
            BigDecimal usual = median(unit, p.figureCode(), p.period());
            if (usual == null || usual.signum() <= 0) {
                continue;
            }
            BigDecimal ratio = p.valueInFigureUnit().divide(usual, MathContext.DECIMAL64);
            if (ratio.compareTo(IMPLAUSIBLE) <= 0 && ratio.compareTo(BigDecimal.ONE.divide(IMPLAUSIBLE)) >= 0) {
                continue;
            }
            MeasureUnit figureUnit = catalog.unit(catalog.figure(p.figureCode()).unitCode());
            String likely = likelyUnit(p, usual, figureUnit);
            out.add(new Finding(Finding.Kind.UNIT_SUSPECT, Numbers.vi().format(p.value()) + " " + p.unit(),
                    likely == null ? null : Numbers.vi().format(p.value()) + " " + likely, p.sentence(),
                    "'" + p.figureName() + "' của " + unit.name() + " thường khoảng "
                            + Numbers.vi().format(usual, figureUnit.code().equals("TY_DONG") ? 3 : 1) + " "
                            + figureUnit.symbol() + "; " + Numbers.vi().format(p.value()) + " " + p.unit() + " = "
                            + Numbers.vi().format(p.valueInFigureUnit()) + " " + figureUnit.symbol()
                            + (likely == null ? "" : ": có lẽ là " + likely)));
        }
        return out;
    }

    /** The unit of the same dimension that brings the stated number closest to the usual size. */
    private String likelyUnit(Proposal p, BigDecimal usual, MeasureUnit figureUnit) {
        MeasureUnit best = null;
        double bestGap = Double.MAX_VALUE;
        for (MeasureUnit u : catalog.units()) {
            if (!u.convertsTo(figureUnit) || u.symbol().equalsIgnoreCase(p.unit())) {
                continue;
            }
            double gap = Math.abs(Math.log10(u.convert(p.value(), figureUnit).doubleValue() / usual.doubleValue()));
            if (gap < bestGap) {
                bestGap = gap;
                best = u;
            }
        }
        return best != null && bestGap < 1 ? best.symbol() : null;
    }

    /**
     * The usual size of the figure for the unit: the median of its stored values of the same period type as the
     * stated one, or else of its longest periods (a year's figure is not judged against monthly ones).
     */
    private BigDecimal median(OrgUnit unit, String figureCode, String statedPeriod) {
        if (catalog.findElement(figureCode).isEmpty()) {
            return null;
        }
        List<DataValue> stored = dataValues.list(unit, false, null, figureCode).stream().filter(v -> v.value().signum() > 0)
                .toList();
        if (stored.isEmpty()) {
            return null;
        }
        var type = statedPeriod == null ? null : vn.kehoach.period.Period.parse(statedPeriod).type();
        List<DataValue> same = stored.stream().filter(v -> v.period().type() == type).toList();
        if (same.isEmpty()) {
            int longest = stored.stream().mapToInt(v -> v.period().months()).max().orElseThrow();
            same = stored.stream().filter(v -> v.period().months() == longest).toList();
        }
        List<BigDecimal> values = same.stream().map(DataValue::value).sorted(Comparator.naturalOrder()).toList();
        return values.get(values.size() / 2);
    }
}
