package vn.kehoach.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Formula;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.target.SumCheck.Method;
import vn.kehoach.target.SumCheck.Outcome;

/**
 * The sum check of allocated targets (kiểm tra phân bổ chỉ tiêu): for every figure with a target at a unit for a
 * period, whether the targets of the units directly below for the same period make it.
 * <ul>
 * <li>A data element aggregated over the tree by {@link TreeAggregation#SUM} — output, area, and herd sizes too, which
 * are stocks over time but add up across units — is checked as Σ of the units below against the unit's target.</li>
 * <li>An indicator is recomputed: its formula over the Σ of the units' targets for each data element it reads (the
 * district's yield is the communes' planned output over their planned area); only when every unit below plans every
 * part, else the line says which units lack which part.</li>
 * <li>Averages, rates and figures that only the unit itself has ({@code AVERAGE}, {@code WEIGHTED_AVERAGE},
 * {@code MIN}, {@code MAX}, {@code NONE}) and targets set as a growth rate are "không kiểm được", with the reason.</li>
 * <li>A range compares both ends: Σ of the lower ends with the lower end, Σ of the upper ends (a single value being
 * both) with the upper end; a recomputed ratio matches a range when it lies within it.</li>
 * </ul>
 * Issuers: a target of the unit is checked against the units' targets of the same issuer wherever the units below use
 * that issuer for the figure (a province's budget estimate for a district beside its estimates for each commune);
 * otherwise its primary target — adopted before proposed, then the issuer nearest the unit (a committee after its
 * council, a district after the province) — is checked against each unit's primary target. Only targets of the same
 * basis (a level, a change) are compared. The units below are the unit's children in force during the period, agencies
 * left out: they report for the unit they serve and are not part of its territory.
 */
@Service
public class TargetChecks {

    /** How many units a note names before it counts the rest. */
    private static final int NAMED = 5;

    private final Targets targets;
    private final Catalog catalog;
    private final OrgUnits orgUnits;

    public TargetChecks(Targets targets, Catalog catalog, OrgUnits orgUnits) {
        this.targets = targets;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
    }

    /** The units whose targets make the unit's: its children in force during the period, agencies left out. */
    public List<OrgUnit> unitsBelow(OrgUnit unit, Period period) {
        return orgUnits.children(unit).stream().filter(u -> u.kind() != OrgUnitKind.AGENCY)
                .filter(u -> u.inForceDuring(period.start(), period.end())).toList();
    }

    /** One line per target of the unit checked (see the class comment), in catalog order; empty without units below. */
    public List<SumCheck> check(OrgUnit unit, Period period) {
        return check(unit, period, t -> true);
    }

    /**
     * The same check against only those targets of the units below that {@code which} accepts: their proposals, or
     * what the unit allocated to them (the planning cycle's consolidation shows both).
     */
    public List<SumCheck> check(OrgUnit unit, Period period, java.util.function.Predicate<Target> which) {
        List<OrgUnit> below = unitsBelow(unit, period);
        if (below.isEmpty()) {
            return List.of();
        }
        Set<String> belowCodes = below.stream().map(OrgUnit::code).collect(Collectors.toSet());
        Map<String, Map<String, List<Target>>> planned = new HashMap<>();
        for (Target t : targets.ofUnitsBelow(unit, period)) {
            if (belowCodes.contains(t.orgUnitCode()) && which.test(t)) {
                planned.computeIfAbsent(t.figureCode(), f -> new HashMap<>())
                        .computeIfAbsent(t.orgUnitCode(), u -> new ArrayList<>()).add(t);
            }
        }
        Map<String, List<Target>> own = targets.list(unit, period, null).stream()
                .collect(Collectors.groupingBy(Target::figureCode, LinkedHashMap::new, Collectors.toList()));
        Map<String, Figure> figures = catalog.figures().stream()
                .collect(Collectors.toMap(Figure::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Scope scope = new Scope(below, planned, figures);
        List<SumCheck> lines = new ArrayList<>();
        for (Figure figure : figures.values()) {
            List<Target> ownTargets = own.get(figure.code());
            if (ownTargets == null) {
                continue;
            }
            Set<String> parts = figure instanceof Indicator ind ? catalog.elementsOf(ind) : Set.of(figure.code());
            Set<Issuer> issuersBelow = EnumSet.noneOf(Issuer.class);
            parts.forEach(p -> planned.getOrDefault(p, Map.of()).values()
                    .forEach(list -> list.forEach(t -> issuersBelow.add(t.issuer()))));
            for (Target p : checked(ownTargets, issuersBelow)) {
                boolean issuerWise = issuersBelow.contains(p.issuer());
                lines.add(figure instanceof DataElement e ? element(e, p, issuerWise, scope)
                        : indicator((Indicator) figure, parts, p, issuerWise, scope));
            }
        }
        return lines;
    }

    /** What the check reads: the units below, their targets by figure and unit, the catalog by code. */
    private record Scope(List<OrgUnit> below, Map<String, Map<String, List<Target>>> planned,
                         Map<String, Figure> figures) {

        /** The unit's target for the figure that the unit's target {@code p} is checked against, or null. */
        Target pick(String figureCode, OrgUnit unit, Target p, boolean issuerWise) {
            List<Target> candidates = planned.getOrDefault(figureCode, Map.of()).getOrDefault(unit.code(), List.of())
                    .stream().filter(t -> t.basis() == p.basis()).toList();
            if (issuerWise) {
                return candidates.stream().filter(t -> t.issuer() == p.issuer()).findFirst().orElse(null);
            }
            return candidates.stream().min(PRIMARY).orElse(null);
        }

        String names(List<String> codes) {
            Map<String, String> name = below.stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::name));
            String named = codes.stream().limit(NAMED).map(name::get).collect(Collectors.joining(", "));
            return codes.size() > NAMED ? named + " và " + (codes.size() - NAMED) + " đơn vị khác" : named;
        }
    }

    /** Adopted before a draft before proposed, then the issuer nearest the unit (the last in {@link Issuer} order). */
    private static final Comparator<Target> PRIMARY = Comparator
            .comparing((Target t) -> t.status() == TargetStatus.ADOPTED ? 0 : t.status() == TargetStatus.DRAFT ? 1 : 2)
            .thenComparing(Target::issuer, Comparator.reverseOrder());

    /** The unit's targets to check: those of an issuer the units below use, else its primary one. */
    private static List<Target> checked(List<Target> own, Set<Issuer> issuersBelow) {
        List<Target> same = own.stream().filter(t -> issuersBelow.contains(t.issuer())).toList();
        return same.isEmpty() ? List.of(own.stream().min(PRIMARY).orElseThrow()) : same;
    }

    private SumCheck element(DataElement e, Target p, boolean issuerWise, Scope scope) {
        int n = scope.below().size();
        if (e.treeAggregation() != TreeAggregation.SUM) {
            return line(e, p, Method.NOT_ADDITIVE, Outcome.UNCHECKABLE, null, n, 0, List.of(), notAdditive(e));
        }
        if (p.basis() == Basis.GROWTH_PCT) {
            return line(e, p, Method.NOT_ADDITIVE, Outcome.UNCHECKABLE, null, n, 0, List.of(),
                    "chỉ tiêu giao theo tốc độ tăng (%): không cộng được từ các đơn vị dưới");
        }
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        boolean range = p.direction() == Direction.RANGE;
        List<String> missing = new ArrayList<>();
        Set<Issuer> issuers = EnumSet.noneOf(Issuer.class);
        for (OrgUnit u : scope.below()) {
            Target t = scope.pick(e.code(), u, p, issuerWise);
            if (t == null) {
                missing.add(u.code());
                continue;
            }
            issuers.add(t.issuer());
            low = low.add(t.value());
            high = high.add(t.valueHigh() == null ? t.value() : t.valueHigh());
            range |= t.direction() == Direction.RANGE;
        }
        Issuer issuerBelow = issuers.size() == 1 ? issuers.iterator().next() : null;
        if (missing.size() == n) {
            return line(e, p, Method.SUM, Outcome.NOT_ALLOCATED, null, n, 0, missing,
                    "chưa đơn vị nào trong " + n + " đơn vị trực thuộc có chỉ tiêu");
        }
        BigDecimal target = p.value();
        BigDecimal targetHigh = range ? (p.valueHigh() == null ? p.value() : p.valueHigh()) : null;
        BigDecimal difference = low.subtract(target);
        BigDecimal differenceHigh = range ? high.subtract(targetHigh) : null;
        boolean adds = difference.signum() == 0 && (differenceHigh == null || differenceHigh.signum() == 0);
        return new SumCheck(e.code(), e.name(), e.unitCode(), Method.SUM, adds ? Outcome.MATCH : Outcome.MISMATCH,
                p.issuer(), issuerBelow, target, targetHigh, Numbers.normal(low), range ? Numbers.normal(high) : null,
                Numbers.normal(difference), Numbers.normal(differenceHigh), n, n - missing.size(), missing,
                missing.isEmpty() ? "" : scope.names(missing) + " chưa có chỉ tiêu");
    }

    private SumCheck indicator(Indicator ind, Set<String> parts, Target p, boolean issuerWise, Scope scope) {
        int n = scope.below().size();
        if (p.basis() != Basis.LEVEL) {
            return line(ind, p, Method.NOT_ADDITIVE, Outcome.UNCHECKABLE, null, n, 0, List.of(),
                    "chỉ tiêu giao theo " + (p.basis() == Basis.CHANGE ? "mức thay đổi" : "tốc độ tăng (%)")
                            + ": không tính lại được từ các đơn vị dưới");
        }
        for (String part : new TreeSet<>(parts)) {
            if (!(scope.figures().get(part) instanceof DataElement e) || e.treeAggregation() != TreeAggregation.SUM) {
                Figure f = scope.figures().get(part);
                return line(ind, p, Method.NOT_ADDITIVE, Outcome.UNCHECKABLE, null, n, 0, List.of(),
                        "thành phần " + (f == null ? part : f.name()) + " không cộng được qua các đơn vị");
            }
        }
        Map<String, BigDecimal> sums = new HashMap<>();
        Set<String> missingAny = new TreeSet<>(Comparator.comparingInt(c -> indexOf(scope.below(), c)));
        List<String> gaps = new ArrayList<>();
        int plannedParts = 0;
        for (String part : new TreeSet<>(parts)) {
            BigDecimal sum = BigDecimal.ZERO;
            List<String> missing = new ArrayList<>();
            for (OrgUnit u : scope.below()) {
                Target t = scope.pick(part, u, p, issuerWise);
                if (t == null) {
                    missing.add(u.code());
                } else if (t.direction() == Direction.RANGE) {
                    return line(ind, p, Method.RATIO, Outcome.UNCHECKABLE, null, n, 0, List.of(), u.name()
                            + " giao " + scope.figures().get(part).name() + " dạng khoảng: không tính lại được một tỷ số");
                } else {
                    sum = sum.add(t.value());
                    plannedParts++;
                }
            }
            sums.put(part, sum);
            if (!missing.isEmpty()) {
                missingAny.addAll(missing);
                gaps.add((missing.size() == n ? "các đơn vị dưới" : scope.names(missing)) + " chưa có chỉ tiêu "
                        + scope.figures().get(part).name());
            }
        }
        List<String> missing = List.copyOf(missingAny);
        if (plannedParts == 0) {
            return line(ind, p, Method.RATIO, Outcome.NOT_ALLOCATED, null, n, 0, missing,
                    "chưa đơn vị nào trong " + n + " đơn vị trực thuộc có chỉ tiêu thành phần");
        }
        if (!missing.isEmpty()) {
            return line(ind, p, Method.RATIO, Outcome.UNCHECKABLE, null, n, n - missing.size(), missing,
                    String.join("; ", gaps));
        }
        BigDecimal value = evaluate(ind, sums, scope.figures());
        if (value == null) {
            return line(ind, p, Method.RATIO, Outcome.UNCHECKABLE, null, n, n, List.of(),
                    "mẫu số của công thức bằng 0 theo chỉ tiêu các đơn vị dưới");
        }
        int scale = Math.max(ind.decimals(), Math.max(0, Numbers.normal(p.value()).scale()));
        BigDecimal recomputed = Numbers.round(value, scale);
        boolean range = p.direction() == Direction.RANGE;
        BigDecimal difference = recomputed.subtract(p.value());
        BigDecimal differenceHigh = range ? recomputed.subtract(p.valueHigh()) : null;
        boolean adds = range ? difference.signum() >= 0 && differenceHigh.signum() <= 0 : difference.signum() == 0;
        return new SumCheck(ind.code(), ind.name(), ind.unitCode(), Method.RATIO, adds ? Outcome.MATCH : Outcome.MISMATCH,
                p.issuer(), null, p.value(), range ? p.valueHigh() : null, Numbers.normal(recomputed), null,
                Numbers.normal(difference), Numbers.normal(differenceHigh), n, n, List.of(), "");
    }

    /** The indicator over the summed parts, through any indicators its formula refers to. */
    private static BigDecimal evaluate(Indicator ind, Map<String, BigDecimal> sums, Map<String, Figure> figures) {
        Formula formula = Formula.parse(ind.formula());
        Map<String, BigDecimal> operands = new HashMap<>();
        for (String v : formula.variables()) {
            BigDecimal operand = figures.get(v) instanceof Indicator nested ? evaluate(nested, sums, figures) : sums.get(v);
            if (operand == null) {
                return null;
            }
            operands.put(v, operand);
        }
        return formula.evaluate(operands);
    }

    private static int indexOf(List<OrgUnit> units, String code) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).code().equals(code)) {
                return i;
            }
        }
        return units.size();
    }

    private static String notAdditive(DataElement e) {
        return switch (e.treeAggregation()) {
            case AVERAGE -> "chỉ tiêu bình quân giữa các đơn vị: không cộng được từ các đơn vị dưới";
            case WEIGHTED_AVERAGE -> "chỉ tiêu bình quân gia quyền theo " + e.weightElement()
                    + ": không cộng được từ các đơn vị dưới";
            case MIN, MAX -> "chỉ tiêu lấy giá trị " + (e.treeAggregation() == TreeAggregation.MIN ? "nhỏ" : "lớn")
                    + " nhất giữa các đơn vị: không cộng được từ các đơn vị dưới";
            case NONE, SUM -> "chỉ tiêu chỉ tính cho chính đơn vị (tỷ lệ, chỉ số): không cộng được từ các đơn vị dưới";
        };
    }

    private static SumCheck line(Figure f, Target p, Method method, Outcome outcome, Issuer issuerBelow, int unitsBelow,
                                 int unitsPlanned, List<String> missing, String note) {
        return new SumCheck(f.code(), f.name(), f.unitCode(), method, outcome, p.issuer(), issuerBelow, p.value(),
                p.valueHigh(), null, null, null, null, unitsBelow, unitsPlanned, missing, note);
    }
}
