package vn.kehoach.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.narrative.internal.Extraction;
import vn.kehoach.narrative.internal.NameMatcher;
import vn.kehoach.narrative.internal.ReportText;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;
import vn.kehoach.target.Targets;

/** Proposes data values and targets from a report's text, and imports those a planner accepts. */
@Service
public class FigureExtractor {

    /** Below this a match is refused rather than guessed: the page ticks and the checker trusts from the same. */
    public static final double WEAK = 0.6;
    /** Two candidates closer than this are a doubt, not a match. */
    private static final double CLOSE = 0.05;

    /** A proposal the planner accepted, possibly with another figure, period or value than proposed. */
    public record Accepted(Proposal.Type type, String figureCode, String period, BigDecimal value, boolean estimate) {
    }

    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final DataValues dataValues;
    private final Targets targets;
    private final Actors actors;
    private final Guard guard;

    public FigureExtractor(Catalog catalog, OrgUnits orgUnits, DataValues dataValues, Targets targets, Actors actors,
                           Guard guard) {
        this.guard = guard;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.dataValues = dataValues;
        this.targets = targets;
        this.actors = actors;
    }

    /** Every figure the text states, each with its best catalog match. */
    public List<Proposal> extract(String text) {
        return extract(text, null);
    }

    /**
     * As {@link #extract(String)}; {@code givenPeriod} ("2024S1") is the report's period when its text names none
     * (a page without its title), null to refuse figures of an unknown period.
     */
    public List<Proposal> extract(String text, String givenPeriod) {
        Map<String, MeasureUnit> units = new HashMap<>();
        Map<String, MeasureUnit> bySymbol = new HashMap<>();
        for (MeasureUnit u : catalog.units()) {
            units.put(u.code(), u);
            bySymbol.putIfAbsent(u.symbol().toLowerCase(), u);
        }
        List<NameMatcher.Candidate> all = new ArrayList<>();
        List<NameMatcher.Candidate> elements = new ArrayList<>();
        Map<String, Figure> figures = new HashMap<>();
        for (Figure f : catalog.figures()) {
            MeasureUnit u = units.get(f.unitCode());
            NameMatcher.Candidate c = new NameMatcher.Candidate(f.code(), f.name(), u == null ? null : u.dimension());
            all.add(c);
            if (f instanceof vn.kehoach.catalog.DataElement) {
                elements.add(c);
            }
            figures.put(f.code(), f);
        }
        // Values are stored on data elements only; a target may also be set on an indicator (a yield, a rate).
        NameMatcher valueMatcher = new NameMatcher(elements);
        NameMatcher targetMatcher = new NameMatcher(all);
        List<Proposal> out = new ArrayList<>();
        for (Extraction.Raw raw : Extraction.of(ReportText.of(text), givenPeriod)) {
            MeasureUnit stated = raw.unit() == null ? null : bySymbol.get(raw.unit().toLowerCase());
            NameMatcher matcher = raw.type() == Proposal.Type.VALUE ? valueMatcher : targetMatcher;
            List<NameMatcher.Match> two = matcher.bestTwo(raw.subject(), stated == null ? null : stated.dimension());
            NameMatcher.Match m = two.isEmpty() ? null : two.get(0);
            String code = m == null ? null : m.candidate().code();
            BigDecimal converted = null;
            if (code != null && stated != null) {
                MeasureUnit target = units.get(figures.get(code).unitCode());
                converted = target != null && stated.convertsTo(target) ? stated.convert(raw.value(), target) : null;
            }
            String refusal = raw.refusal();
            if (refusal == null) {
                refusal = doubt(raw, two, stated, converted);
            }
            out.add(new Proposal(raw.type(), raw.subject(), raw.value(), raw.unit(), raw.period(), raw.estimate(), code,
                    code == null ? null : figures.get(code).name(), m == null ? 0 : round(m.confidence()), converted,
                    raw.sentence(), refusal));
        }
        return out;
    }

    /**
     * Stores the accepted proposals for the unit as one whole: values through the data-value write path, targets
     * as set by the unit's own committee unless the caller says otherwise.
     */
    @Transactional
    public int importAccepted(OrgUnit unit, List<Accepted> accepted, Issuer issuer) {
        actors.checkCanWrite(unit, Role.PLANNER, Role.ADMIN);
        String user = actors.current().username();
        int n = 0;
        for (Accepted a : accepted) {
            Period period = Period.parse(a.period());
            if (a.type() == Proposal.Type.VALUE) {
                catalog.element(a.figureCode());
                dataValues.save(new DataValueWrite(a.figureCode(), unit.code(), period,
                        a.estimate() ? ValueKind.ESTIMATE : ValueKind.ACTUAL, a.value(), "trích từ báo cáo", false, null),
                        user, Source.UI);
            } else {
                targets.save(new Target(a.figureCode(), unit.code(), period, issuer, null, null, a.value(), null, null,
                        null, null, "trích từ báo cáo", false), user, Source.UI);
            }
            n++;
        }
        return n;
    }

    /**
     * Why a proposal should not be imported for the unit as it stands, or null when it may: its own refusal (a
     * range, a bound, a weak match), the subtree already
     * holds that figure for the period (a district total over communes that report it would be counted twice), or
     * the figure is a yes/no of each commune ("07/13 xã" is counted from the communes, not stored at the district).
     */
    public String reasonNotToImport(OrgUnit unit, Proposal p) {
        guard.checkRead(Resource.REPORT_FIGURES, unit.place());
        if (p.refusal() != null) {
            return p.refusal();
        }
        if (p.figureCode() == null || p.period() == null) {
            return "chưa ghép được với chỉ tiêu hoặc kỳ";
        }
        var element = catalog.findElement(p.figureCode());
        if (p.type() == Proposal.Type.VALUE && element.isPresent()) {
            if (element.get().valueType() == vn.kehoach.catalog.ValueType.BOOLEAN) {
                return "chỉ tiêu có/không của từng xã, được đếm từ các xã";
            }
            if (!dataValues.list(unit, true, Period.parse(p.period()), p.figureCode()).isEmpty()) {
                return "đã có số liệu kỳ " + p.period() + " trong " + unit.name() + " hoặc các đơn vị trực thuộc";
            }
        }
        return null;
    }

    /**
     * The org unit a report is about, from its heading ("ỦY BAN NHÂN DÂN / HUYỆN HẠ LANG"), if any — among the units
     * whose figures the actor may read, so a report of another commune is checked without that commune's figures.
     */
    public OrgUnit unitOf(String text) {
        String head = text.substring(0, Math.min(text.length(), 800)).toUpperCase();
        OrgUnit best = null;
        int at = Integer.MAX_VALUE;
        for (OrgUnit u : orgUnits.all()) {
            if (!guard.mayRead(Resource.REPORT_FIGURES, u.place())) {
                continue;
            }
            int i = head.indexOf(u.name().toUpperCase());
            if (i >= 0 && i < at) {
                best = u;
                at = i;
            }
        }
        return best;
    }

    /**
     * Why a figure read as an exact number is still not proposed: no catalog name near its subject, a match too weak
     * to trust, two names that fit about as well, or a unit that does not convert to the figure's; null when none.
     */
    private static String doubt(Extraction.Raw raw, List<NameMatcher.Match> two, MeasureUnit stated, BigDecimal converted) {
        if (two.isEmpty()) {
            return "không có chỉ tiêu nào trong danh mục gần với '" + raw.subject() + "'";
        }
        NameMatcher.Match best = two.get(0);
        if (best.confidence() < WEAK) {
            return "ghép yếu: gần nhất là '" + best.candidate().name() + "' (độ tin cậy "
                    + Numbers.vi().format(BigDecimal.valueOf(round(best.confidence())), 2) + ")";
        }
        if (two.size() > 1 && best.confidence() - two.get(1).confidence() < CLOSE) {
            return "lưỡng lự giữa '" + best.candidate().name() + "' và '" + two.get(1).candidate().name() + "'";
        }
        if (raw.unit() == null || stated == null) {
            return "đơn vị '" + (raw.unit() == null ? "" : raw.unit()) + "' không có trong danh mục";
        }
        if (converted == null) {
            return "đơn vị '" + raw.unit() + "' không đổi được sang đơn vị của '" + best.candidate().name() + "'";
        }
        return null;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
