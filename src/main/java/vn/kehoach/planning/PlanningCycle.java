package vn.kehoach.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Figure;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.SumCheck;
import vn.kehoach.target.Target;
import vn.kehoach.target.TargetCell;
import vn.kehoach.target.TargetChecks;
import vn.kehoach.target.TargetInput;
import vn.kehoach.target.TargetInputException;
import vn.kehoach.target.TargetStatus;
import vn.kehoach.target.TargetVersion;
import vn.kehoach.target.TargetVersions;
import vn.kehoach.target.Targets;

/**
 * The planning cycle of a plan year, step by step (see the module's description and docs/planning-cycle.md). Who may
 * take each step is asked of the access rule once, here: opening, returning, allocating, adopting and adjusting are
 * the unit above's planners' and administrators' ({@code Resource.TARGET}); proposing and submitting are the unit's
 * own, its reporters included ({@code Resource.PROPOSAL}). Every step goes to the audit trail.
 * <p>
 * Issuers: a unit's proposals are its own plan's targets (the council of its level: HĐND xã), status PROPOSED; what
 * the unit above allocates to it is issued by the committee of the level above (UBND tỉnh giao), status DRAFT until
 * the unit above's plan is adopted; the unit above's own targets are its council's (HĐND tỉnh).
 */
@Service
public class PlanningCycle {

    private final JdbcClient jdbc;
    private final OrgUnits orgUnits;
    private final Catalog catalog;
    private final Targets targets;
    private final TargetChecks checks;
    private final TargetVersions versions;
    private final Guard guard;
    private final MetadataAudit audit;

    public PlanningCycle(JdbcClient jdbc, OrgUnits orgUnits, Catalog catalog, Targets targets, TargetChecks checks,
                         TargetVersions versions, Guard guard, MetadataAudit audit) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.catalog = catalog;
        this.targets = targets;
        this.checks = checks;
        this.versions = versions;
        this.guard = guard;
        this.audit = audit;
    }

    /** The issuer of what a unit allocates to the units below it: the committee of its level (UBND tỉnh giao). */
    public static Issuer allocationIssuer(OrgUnit unit) {
        return switch (unit.kind()) {
            case COUNTRY -> Issuer.CENTRAL;
            case PROVINCE -> Issuer.PROVINCE;
            case DISTRICT -> Issuer.DISTRICT_COMMITTEE;
            case COMMUNE, WARD, TOWN -> Issuer.COMMUNE_COMMITTEE;
            default -> throw new PlanningException(ProblemType.BAD_INPUT, "unit", unit.name() + " ("
                    + unit.kind().label() + ") không giao chỉ tiêu cho đơn vị dưới");
        };
    }

    /** The issuer of a unit's own plan, and so of its proposals: the council of its level (HĐND xã). */
    public static Issuer ownIssuer(OrgUnit unit) {
        return Issuer.defaultFor(unit.kind()).orElseThrow(() -> new PlanningException(ProblemType.BAD_INPUT, "unit",
                unit.name() + " (" + unit.kind().label() + ") không có kế hoạch riêng do HĐND cấp mình thông qua"));
    }

    /** Opens the cycle of the year for the units below the unit (the guidance). */
    @Transactional
    public PlanCycle open(String unitCode, int year, LocalDate deadline, List<String> figureCodes,
                          boolean wantsEstimate, String user, Source source) {
        OrgUnit unit = orgUnits.require(unitCode);
        guard.checkWrite(Resource.TARGET, unit.place());
        if (deadline == null) {
            throw new PlanningException(ProblemType.BAD_INPUT, "deadline", "Thiếu hạn gửi đề xuất (deadline)");
        }
        if (figureCodes == null || figureCodes.stream().allMatch(String::isBlank)) {
            throw new PlanningException(ProblemType.BAD_INPUT, "figures",
                    "Thiếu danh sách chỉ tiêu cần đề xuất (figures), ví dụ CATTLE_HERD,BUFFALO_HERD");
        }
        List<String> codes = new ArrayList<>();
        for (String code : figureCodes) {
            if (code.isBlank()) {
                continue;
            }
            Figure f = catalog.findFigure(code.strip()).orElseThrow(() -> new PlanningException(ProblemType.BAD_INPUT,
                    "figures", "Không có chỉ tiêu mã '" + code.strip() + "' (figures)"));
            if (!codes.contains(f.code())) {
                codes.add(f.code());
            }
        }
        if (checks.unitsBelow(unit, Period.year(year)).isEmpty()) {
            throw new PlanningException(ProblemType.BAD_INPUT, "unit", unit.name()
                    + " không có đơn vị trực thuộc nào trong năm " + year + " để đề xuất kế hoạch");
        }
        find(unit, year).ifPresent(c -> {
            throw new PlanningException(ProblemType.CONFLICT, unit.name() + " đã mở chu trình kế hoạch năm " + year
                    + " (" + c.openedBy() + ", " + Numbers.vi().dateTime(c.openedAt()) + ")");
        });
        jdbc.sql("""
                insert into plan_cycle (org_unit_id, plan_year, deadline, figures, wants_estimate, opened_by, opened_at)
                values (:unit, :year, :deadline, :figures, :estimate, :user, :at)""")
                .param("unit", unit.id()).param("year", year).param("deadline", deadline)
                .param("figures", String.join(",", codes)).param("estimate", wantsEstimate).param("user", user)
                .param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
        record(unit, year, "Mở chu trình kế hoạch", null, "hạn " + Numbers.vi().date(deadline) + "; chỉ tiêu "
                + String.join(", ", codes) + (wantsEstimate ? "; kèm ước thực hiện năm " + (year - 1) : ""), user,
                source);
        return find(unit, year).orElseThrow();
    }

    /** The cycle the unit opened for the year. */
    public Optional<PlanCycle> find(OrgUnit unit, int year) {
        return jdbc.sql("""
                        select id, deadline, figures, wants_estimate, opened_by, opened_at from plan_cycle
                         where org_unit_id = :unit and plan_year = :year""")
                .param("unit", unit.id()).param("year", year)
                .query((rs, n) -> cycle(rs, unit, year)).optional();
    }

    /** The cycle of the unit above this one for the year, in which this unit proposes. */
    public Optional<PlanCycle> cycleAbove(OrgUnit unit, int year) {
        return unit.parentId() == null ? Optional.empty()
                : orgUnits.find(unit.parentId()).flatMap(parent -> find(parent, year));
    }

    private PlanCycle requireAbove(OrgUnit unit, int year) {
        return cycleAbove(unit, year).orElseThrow(() -> new PlanningException(ProblemType.NOT_FOUND,
                "Đơn vị cấp trên của " + unit.name() + " chưa mở chu trình kế hoạch năm " + year
                        + ": chưa có gì để đề xuất"));
    }

    /** The cycle the unit opened, or a refusal naming it. */
    public PlanCycle require(OrgUnit unit, int year) {
        return find(unit, year).orElseThrow(() -> new PlanningException(ProblemType.NOT_FOUND,
                unit.name() + " chưa mở chu trình kế hoạch năm " + year + " (kehoach plan open)"));
    }

    /**
     * Stores the unit's proposals for the year, one cell per figure of the cycle as typed ("1.500", "8–9%", "≤ 18%"):
     * PROPOSED targets of its own plan. A blank cell leaves the figure as it was. All cells or none: a cell that
     * cannot be read is refused naming the figure and what is wrong.
     */
    @Transactional
    public List<Target> propose(String unitCode, int year, Map<String, String> cells,
                                Function<String, BigDecimal> numbers, String user, Source source) {
        return propose(unitCode, year, cells, false, numbers, user, source);
    }

    /** {@link #propose}, the targets marked illustrative (minh họa) when they are, as the demo's are. */
    @Transactional
    public List<Target> propose(String unitCode, int year, Map<String, String> cells, boolean illustrative,
                                Function<String, BigDecimal> numbers, String user, Source source) {
        OrgUnit unit = orgUnits.require(unitCode);
        PlanCycle cycle = requireAbove(unit, year);
        guard.checkWrite(Resource.PROPOSAL, unit.place());
        Issuer issuer = ownIssuer(unit);
        List<Target> stored = new ArrayList<>();
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            if (cell.getValue() == null || cell.getValue().isBlank()) {
                continue;
            }
            String figure = cell.getKey().strip().toUpperCase();
            if (!cycle.figures().contains(figure)) {
                throw new PlanningException(ProblemType.BAD_INPUT, figure, "Chỉ tiêu " + figure
                        + " không có trong hướng dẫn kế hoạch năm " + year + " của " + cycle.unit().name()
                        + " (các chỉ tiêu: " + String.join(", ", cycle.figures()) + ")");
            }
            Target t = read(figure, unit, year, cell.getValue(), issuer, TargetStatus.PROPOSED, illustrative, numbers);
            stored.add(targets.save(t, user, source));
        }
        return stored;
    }

    /** The unit's proposals for the year, by figure code, among the cycle's figures. */
    public Map<String, Target> proposals(OrgUnit unit, int year) {
        PlanCycle cycle = requireAbove(unit, year);
        Issuer issuer = ownIssuer(unit);
        return targets.list(unit, Period.year(year), null).stream()
                .filter(t -> t.issuer() == issuer && cycle.figures().contains(t.figureCode()))
                .collect(Collectors.toMap(Target::figureCode, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** Sends the unit's proposals to the unit above, which locks them until it returns them. */
    @Transactional
    public PlanStatus submit(String unitCode, int year, String user, Source source) {
        return submit(unitCode, year, Instant.now(), user, source);
    }

    /**
     * Sends the unit's proposals as they were sent at {@code at}: a cycle recorded after the fact (the demo's, a
     * cycle kept on paper) keeps the day its proposals really went up, so that "gửi sau hạn" is said only of late ones.
     */
    @Transactional
    public PlanStatus submit(String unitCode, int year, Instant at, String user, Source source) {
        if (at.isAfter(Instant.now())) {
            throw new PlanningException(ProblemType.BAD_INPUT, "thời điểm gửi đề xuất " + Numbers.vi().dateTime(at)
                    + " là trong tương lai");
        }
        OrgUnit unit = orgUnits.require(unitCode);
        PlanCycle cycle = requireAbove(unit, year);
        guard.checkWrite(Resource.PROPOSAL, unit.place());
        Submission s = submission(cycle, unit).orElse(null);
        if (s != null && "SUBMITTED".equals(s.state())) {
            throw new PlanningException(ProblemType.CONFLICT, unit.name() + " đã gửi đề xuất kế hoạch năm " + year
                    + " lúc " + Numbers.vi().dateTime(s.submittedAt()) + " (" + s.submittedBy() + ")");
        }
        long proposed = proposals(unit, year).values().stream().filter(t -> t.status() == TargetStatus.PROPOSED)
                .count();
        if (proposed == 0) {
            throw new PlanningException(ProblemType.BAD_INPUT, unit.name() + " chưa đề xuất chỉ tiêu nào trong "
                    + cycle.figures().size() + " chỉ tiêu của hướng dẫn: không có gì để gửi");
        }
        if (s == null) {
            jdbc.sql("""
                    insert into plan_submission (cycle_id, org_unit_id, state, submitted_by, submitted_at)
                    values (:cycle, :unit, 'SUBMITTED', :user, :at)""")
                    .param("cycle", cycle.id()).param("unit", unit.id()).param("user", user)
                    .param("at", at.atOffset(ZoneOffset.UTC)).update();
        } else {
            jdbc.sql("""
                    update plan_submission set state = 'SUBMITTED', submitted_by = :user, submitted_at = :at
                     where cycle_id = :cycle and org_unit_id = :unit""")
                    .param("cycle", cycle.id()).param("unit", unit.id()).param("user", user)
                    .param("at", at.atOffset(ZoneOffset.UTC)).update();
        }
        record(unit, year, "Gửi đề xuất kế hoạch", s == null ? null : "trả lại: " + s.reason(),
                proposed + "/" + cycle.figures().size() + " chỉ tiêu gửi " + cycle.unit().name(), user, source);
        return status(cycle, unit);
    }

    /** Returns the unit's submitted proposals with the reason (the unit above): they may be changed and sent again. */
    @Transactional
    public PlanStatus returnProposals(String unitCode, int year, String reason, String user, Source source) {
        OrgUnit unit = orgUnits.require(unitCode);
        PlanCycle cycle = requireAbove(unit, year);
        guard.checkWrite(Resource.TARGET, cycle.unit().place());
        if (reason == null || reason.isBlank()) {
            throw new PlanningException(ProblemType.BAD_INPUT, "reason", "Thiếu lý do trả lại (reason)");
        }
        Submission s = submission(cycle, unit).filter(x -> "SUBMITTED".equals(x.state())).orElseThrow(() ->
                new PlanningException(ProblemType.CONFLICT, unit.name() + " chưa gửi đề xuất kế hoạch năm " + year
                        + ": không có gì để trả lại"));
        jdbc.sql("""
                update plan_submission set state = 'RETURNED', returned_by = :user, returned_at = :at, reason = :reason
                 where cycle_id = :cycle and org_unit_id = :unit""")
                .param("cycle", cycle.id()).param("unit", unit.id()).param("user", user)
                .param("at", Instant.now().atOffset(ZoneOffset.UTC)).param("reason", reason.strip()).update();
        record(unit, year, "Trả lại đề xuất kế hoạch", "gửi lúc " + Numbers.vi().dateTime(s.submittedAt()),
                "trả lại: " + reason.strip(), user, source);
        return status(cycle, unit);
    }

    /**
     * Allocates a target to a unit below (giao chỉ tiêu): a DRAFT target of the unit issued by the committee of the
     * level above, typed as in the grid ("1.500", "8–9%", "≤ 18%").
     */
    @Transactional
    public Target allocate(String unitCode, String figureCode, int year, String value,
                           Function<String, BigDecimal> numbers, String user, Source source) {
        return allocate(unitCode, figureCode, year, value, false, numbers, user, source);
    }

    /** {@link #allocate}, the target marked illustrative (minh họa) when it is, as the demo's are. */
    @Transactional
    public Target allocate(String unitCode, String figureCode, int year, String value, boolean illustrative,
                           Function<String, BigDecimal> numbers, String user, Source source) {
        OrgUnit unit = orgUnits.require(unitCode);
        PlanCycle cycle = requireAbove(unit, year);
        guard.checkWrite(Resource.TARGET, cycle.unit().place());
        String figure = figureCode.strip().toUpperCase();
        if (!cycle.figures().contains(figure)) {
            throw new PlanningException(ProblemType.BAD_INPUT, "figure", "Chỉ tiêu " + figure
                    + " không có trong hướng dẫn kế hoạch năm " + year + " của " + cycle.unit().name());
        }
        Target t = read(figure, unit, year, value, allocationIssuer(cycle.unit()), TargetStatus.DRAFT, illustrative,
                numbers);
        return targets.save(t, user, source);
    }

    /**
     * Allocates many targets at once (the consolidation page's inputs: unit code → figure code → cell), all or none.
     */
    @Transactional
    public List<Target> allocateAll(int year, Map<String, Map<String, String>> cells,
                                    Function<String, BigDecimal> numbers, String user, Source source) {
        List<Target> out = new ArrayList<>();
        cells.forEach((unit, figures) -> figures.forEach((figure, value) -> {
            if (value != null && !value.isBlank()) {
                out.add(allocate(unit, figure, year, value, numbers, user, source));
            }
        }));
        return out;
    }

    /**
     * Adopts the unit's plan for the year by the resolution (thông qua): its own targets of the year that are not yet
     * adopted, and the draft targets it allocated to the units below, become ADOPTED with the resolution and are
     * locked. {@code issuedBy} ("HĐND tỉnh") is added to the resolution's text unless it already names it.
     */
    @Transactional
    public List<Target> adopt(String unitCode, int year, String resolution, LocalDate date, String issuedBy,
                              String user, Source source) {
        OrgUnit unit = orgUnits.require(unitCode);
        guard.checkWrite(Resource.TARGET, unit.place());
        if (resolution == null || resolution.isBlank()) {
            throw new PlanningException(ProblemType.BAD_INPUT, "resolution",
                    "Thiếu nghị quyết thông qua (resolution), ví dụ \"Nghị quyết số 45/NQ-HĐND ngày 10/12/2026\"");
        }
        if (date == null) {
            throw new PlanningException(ProblemType.BAD_INPUT, "date", "Thiếu ngày thông qua (date)");
        }
        String decision = resolution.strip() + (issuedBy == null || issuedBy.isBlank()
                || resolution.contains(issuedBy.strip()) ? "" : " của " + issuedBy.strip());
        Period period = Period.year(year);
        List<Target> toAdopt = new ArrayList<>(targets.list(unit, period, null).stream()
                .filter(t -> t.status() != TargetStatus.ADOPTED).toList());
        if (unit.kind() != OrgUnitKind.AGENCY && unit.kind() != OrgUnitKind.VILLAGE) {
            Issuer allocator = allocationIssuer(unit);
            toAdopt.addAll(targets.ofUnitsBelow(unit, period).stream()
                    .filter(t -> t.issuer() == allocator && t.status() == TargetStatus.DRAFT).toList());
        }
        if (toAdopt.isEmpty()) {
            throw new PlanningException(ProblemType.BAD_INPUT, unit.name() + " không có chỉ tiêu dự thảo nào năm "
                    + year + " để thông qua");
        }
        if (adoption(unit, year).isPresent()) {
            throw new PlanningException(ProblemType.CONFLICT, "Kế hoạch năm " + year + " của " + unit.name()
                    + " đã được thông qua theo " + adoption(unit, year).get());
        }
        List<Target> adopted = versions.adopt(toAdopt, decision, date, user, source);
        jdbc.sql("""
                insert into plan_adoption (org_unit_id, plan_year, resolution, adopted_on, issued_by, targets,
                       recorded_by, recorded_at)
                values (:unit, :year, :resolution, :on, :issuer, :n, :user, :at)""")
                .param("unit", unit.id()).param("year", year).param("resolution", decision).param("on", date)
                .param("issuer", issuedBy == null || issuedBy.isBlank() ? null : issuedBy.strip())
                .param("n", adopted.size()).param("user", user).param("at", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        record(unit, year, "Thông qua kế hoạch", null, decision + ", từ " + Numbers.vi().date(date) + "; "
                + adopted.size() + " chỉ tiêu", user, source);
        return adopted;
    }

    /** The resolution that adopted the unit's plan for the year, if it was. */
    public Optional<String> adoption(OrgUnit unit, int year) {
        return jdbc.sql("select resolution from plan_adoption where org_unit_id = :unit and plan_year = :year")
                .param("unit", unit.id()).param("year", year).query(String.class).optional();
    }

    /**
     * Adjusts an adopted target of the unit for the year (điều chỉnh kế hoạch): a new version with the decision, in
     * force from the day. Without an issuer, the unit's one adopted target of the figure for the year.
     */
    @Transactional
    public Target adjust(String unitCode, String figureCode, int year, String value, String issuer, String decision,
                         LocalDate from, Function<String, BigDecimal> numbers, String user, Source source) {
        OrgUnit unit = orgUnits.require(unitCode);
        guard.checkWrite(Resource.TARGET, unit.place());
        Period period = Period.year(year);
        String figure = figureCode.strip().toUpperCase();
        Issuer chosen;
        if (issuer != null && !issuer.isBlank()) {
            try {
                chosen = Issuer.parse(issuer);
            } catch (IllegalArgumentException e) {
                throw new PlanningException(ProblemType.BAD_INPUT, "issuer", e.getMessage());
            }
        } else {
            List<Target> adopted = targets.list(unit, period, figure).stream()
                    .filter(t -> t.status() == TargetStatus.ADOPTED).toList();
            if (adopted.size() != 1) {
                throw new PlanningException(ProblemType.BAD_INPUT, "issuer", unit.name() + " có " + adopted.size()
                        + " chỉ tiêu " + figure + " năm " + year + " đã thông qua"
                        + (adopted.isEmpty() ? ": không có gì để điều chỉnh" : "; chọn cấp giao (--issuer): "
                        + adopted.stream().map(t -> t.issuer().name()).toList()));
            }
            chosen = adopted.get(0).issuer();
        }
        TargetCell cell = cellOf(value);
        BigDecimal low = number("value", cell.value(), numbers);
        BigDecimal high = cell.valueHigh() == null ? null : number("valueHigh", cell.valueHigh(), numbers);
        Target adjusted = versions.adjust(figure, unit.code(), period, chosen, low, high, decision, from, user, source);
        record(unit, year, "Điều chỉnh chỉ tiêu " + figure, null, decision + ", từ " + Numbers.vi().date(from) + ": "
                + Numbers.vi().format(low) + (high == null ? "" : "–" + Numbers.vi().format(high)), user, source);
        return adjusted;
    }

    /** The versions of the unit's target (adopted, then each adjustment). */
    public List<TargetVersion> versions(OrgUnit unit, String figureCode, int year, Issuer issuer) {
        return targets.versions(figureCode, unit, Period.year(year), issuer);
    }

    /**
     * Where the unit stands in the cycle of the unit above for the year: its own line of the status, read at the
     * unit itself, so that a commune's reporter sees it without reading the province's targets.
     */
    public Optional<PlanStatus> statusOf(OrgUnit unit, int year) {
        guard.checkRead(Resource.TARGET, unit.place());
        return cycleAbove(unit, year).map(c -> status(c, unit));
    }

    /** Where each unit below the unit stands in its cycle of the year. */
    public List<PlanStatus> status(String unitCode, int year) {
        OrgUnit unit = orgUnits.require(unitCode);
        guard.checkRead(Resource.TARGET, unit.place());
        Optional<PlanCycle> cycle = find(unit, year);
        List<PlanStatus> out = new ArrayList<>();
        for (OrgUnit below : checks.unitsBelow(unit, Period.year(year))) {
            out.add(cycle.map(c -> status(c, below)).orElseGet(() -> new PlanStatus(below, Stage.NOT_OPENED,
                    0, null, null, null, 0)));
        }
        return out;
    }

    private PlanStatus status(PlanCycle cycle, OrgUnit below) {
        Period period = cycle.period();
        List<Target> own = targets.list(below, period, null);
        Issuer proposer = Issuer.defaultFor(below.kind()).orElse(null);
        Issuer allocator = allocationIssuer(cycle.unit());
        int proposals = (int) own.stream().filter(t -> t.issuer() == proposer && t.status() == TargetStatus.PROPOSED
                && cycle.figures().contains(t.figureCode())).count();
        List<Target> allocations = own.stream().filter(t -> t.issuer() == allocator
                && cycle.figures().contains(t.figureCode())).toList();
        Optional<Submission> s = submission(cycle, below);
        boolean submitted = s.map(x -> "SUBMITTED".equals(x.state())).orElse(false);
        Stage stage;
        if (!allocations.isEmpty() && allocations.stream().allMatch(t -> t.status() == TargetStatus.ADOPTED)
                || adoption(below, cycle.year()).isPresent()) {
            stage = Stage.ADOPTED;
        } else if (!allocations.isEmpty()) {
            stage = Stage.ALLOCATED;
        } else if (submitted) {
            stage = Stage.SUBMITTED;
        } else {
            stage = Stage.PROPOSING;
        }
        return new PlanStatus(below, stage, proposals, submitted ? s.get().submittedAt() : null,
                submitted ? s.get().submittedBy() : null,
                s.filter(x -> "RETURNED".equals(x.state())).map(Submission::reason).orElse(null), allocations.size());
    }

    /** Whether the unit's proposals for the year are sent and so locked, and the message that says so. */
    public Optional<String> submittedLock(OrgUnit unit, int year) {
        return cycleAbove(unit, year).flatMap(c -> submission(c, unit)).filter(s -> "SUBMITTED".equals(s.state()))
                .map(s -> unit.name() + " đã gửi đề xuất kế hoạch năm " + year + " lúc "
                        + Numbers.vi().dateTime(s.submittedAt()) + " (" + s.submittedBy()
                        + "): không sửa được đề xuất; đơn vị cấp trên phải trả lại (kehoach plan return) trước");
    }

    /**
     * The consolidation of the unit's cycle: for every figure, its own target beside the sum check of the proposals
     * below and of what it allocated.
     */
    public Consolidation consolidate(String unitCode, int year) {
        OrgUnit unit = orgUnits.require(unitCode);
        guard.checkRead(Resource.TARGET, unit.place());
        PlanCycle cycle = require(unit, year);
        Period period = cycle.period();
        List<OrgUnit> below = checks.unitsBelow(unit, period);
        Issuer allocator = allocationIssuer(unit);
        Map<String, SumCheck> proposalChecks = byFigure(checks.check(unit, period,
                t -> t.status() == TargetStatus.PROPOSED && t.issuer() != allocator));
        Map<String, SumCheck> allocationChecks = byFigure(checks.check(unit, period, t -> t.issuer() == allocator));
        Map<String, List<Target>> belowTargets = targets.ofUnitsBelow(unit, period).stream()
                .collect(Collectors.groupingBy(Target::figureCode));
        Issuer own = Issuer.defaultFor(unit.kind()).orElse(null);
        List<Consolidation.Line> lines = new ArrayList<>();
        for (String code : cycle.figures()) {
            Figure figure = catalog.figure(code);
            Target ownTarget = targets.list(unit, period, code).stream().filter(t -> t.issuer() == own).findFirst()
                    .orElse(null);
            Map<String, Target> proposed = new LinkedHashMap<>();
            Map<String, Target> allocated = new LinkedHashMap<>();
            for (Target t : belowTargets.getOrDefault(code, List.of())) {
                if (t.issuer() == allocator) {
                    allocated.put(t.orgUnitCode(), t);
                } else if (t.status() == TargetStatus.PROPOSED) {
                    proposed.put(t.orgUnitCode(), t);
                }
            }
            lines.add(new Consolidation.Line(figure, ownTarget, proposalChecks.get(code), allocationChecks.get(code),
                    proposed, allocated));
        }
        return new Consolidation(cycle, below, lines);
    }

    private static Map<String, SumCheck> byFigure(List<SumCheck> lines) {
        Map<String, SumCheck> m = new LinkedHashMap<>();
        lines.forEach(l -> m.putIfAbsent(l.figureCode(), l));
        return m;
    }

    private Target read(String figure, OrgUnit unit, int year, String text, Issuer issuer, TargetStatus status,
                        boolean illustrative, Function<String, BigDecimal> numbers) {
        TargetCell cell = cellOf(text);
        try {
            return targets.read(new TargetInput(figure, unit.code(), String.valueOf(year), issuer.name(),
                    cell.direction(), null, cell.value(), cell.valueHigh(), status.name(), null, null, null,
                    illustrative ? Boolean.TRUE : null),
                    numbers);
        } catch (TargetInputException e) {
            throw new TargetInputException(figure, text, "Ô " + figure + " của " + unit.name() + ": '" + text
                    + "' — " + e.getMessage());
        }
    }

    /** A cell as typed; an empty one is an empty value, which the number reader names as missing. */
    private static TargetCell cellOf(String text) {
        TargetCell cell = TargetCell.parse(text);
        return cell == null ? new TargetCell(null, "", null) : cell;
    }

    private static BigDecimal number(String field, String text, Function<String, BigDecimal> numbers) {
        BigDecimal n = numbers.apply(text);
        if (n == null) {
            throw new PlanningException(ProblemType.BAD_INPUT, field, "'" + text + "' không phải là số (" + field + ")");
        }
        return n;
    }

    private record Submission(String state, String submittedBy, Instant submittedAt, String reason) {
    }

    private Optional<Submission> submission(PlanCycle cycle, OrgUnit unit) {
        return jdbc.sql("""
                        select state, submitted_by, submitted_at, reason from plan_submission
                         where cycle_id = :cycle and org_unit_id = :unit""")
                .param("cycle", cycle.id()).param("unit", unit.id())
                .query((rs, n) -> new Submission(rs.getString("state"), rs.getString("submitted_by"),
                        rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("reason"))).optional();
    }

    private void record(OrgUnit unit, int year, String action, String old, String now, String user, Source source) {
        audit.record(new MetadataChange(Area.PLAN, action, unit.id(), String.valueOf(year), unit.code(), unit.name(),
                old, now, user, source));
    }

    private static PlanCycle cycle(ResultSet rs, OrgUnit unit, int year) throws SQLException {
        return new PlanCycle(rs.getLong("id"), unit, year, rs.getObject("deadline", LocalDate.class),
                Arrays.stream(rs.getString("figures").split(",")).filter(s -> !s.isBlank()).toList(),
                rs.getBoolean("wants_estimate"), rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant());
    }
}
