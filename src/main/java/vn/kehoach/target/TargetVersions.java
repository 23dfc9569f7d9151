package vn.kehoach.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Source;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Periods;

/**
 * Adoption and adjustment of targets (thông qua, điều chỉnh kế hoạch). Adopting a target records its resolution and
 * the day it takes effect as version 1, and locks it: {@link Targets#save} refuses to change it. An adjustment is a new
 * version with its decision and the day it takes effect; the target as stored is always the latest version, and a
 * comparison as of a day reads the version in force then ({@link Targets#applicable(OrgUnit, vn.kehoach.period.Period,
 * Instant)}). Both are written by the unit's planners and administrators, and go to the target's audit trail.
 */
@Service
public class TargetVersions {

    private final JdbcClient jdbc;
    private final Targets targets;
    private final OrgUnits orgUnits;
    private final Periods periods;
    private final Guard guard;

    public TargetVersions(JdbcClient jdbc, Targets targets, OrgUnits orgUnits, Periods periods, Guard guard) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.orgUnits = orgUnits;
        this.periods = periods;
        this.guard = guard;
    }

    /**
     * Adopts each of the targets (dự kiến or dự thảo) by the decision, taking effect on the day: its status becomes
     * ADOPTED, its decision the adopting one, and it is locked. All or none: a target already adopted by a resolution,
     * or one the actor may not write, refuses the whole adoption.
     */
    @Transactional
    public List<Target> adopt(List<Target> toAdopt, String decision, LocalDate day, String user, Source source) {
        if (decision == null || decision.isBlank()) {
            throw new TargetInputException("resolution", decision, "Thiếu số, ngày của nghị quyết (quyết định) thông qua");
        }
        if (day == null) {
            throw new TargetInputException("date", null, "Thiếu ngày thông qua (ngày nghị quyết có hiệu lực)");
        }
        List<Target> adopted = new ArrayList<>();
        for (Target t : toAdopt) {
            OrgUnit unit = orgUnits.require(t.orgUnitCode());
            guard.checkWrite(Resource.TARGET, unit.place());
            if (!targets.versions(t.figureCode(), unit, t.period(), t.issuer()).isEmpty()) {
                throw new TargetLockedException("Chỉ tiêu " + t.figureCode() + " của " + unit.name() + " kỳ "
                        + t.period().id() + " đã được thông qua; không thông qua lại được");
            }
            Target now = new Target(t.figureCode(), t.orgUnitCode(), t.period(), t.issuer(), t.direction(), t.basis(),
                    t.value(), t.valueHigh(), TargetStatus.ADOPTED, decision.strip(), t.wording(), t.note(),
                    t.illustrative());
            long periodId = periods.idOf(t.period());
            Instant at = Instant.now();
            jdbc.sql("""
                    update target set status = 'ADOPTED', decision = :decision, version = version + 1,
                           updated_by = :user, updated_at = :at
                     where figure_code = :figure and org_unit_id = :unit and period_id = :period and issuer = :issuer""")
                    .param("decision", now.decision()).param("user", user).param("at", at.atOffset(ZoneOffset.UTC))
                    .param("figure", t.figureCode()).param("unit", unit.id()).param("period", periodId)
                    .param("issuer", t.issuer().name()).update();
            version(now, unit, periodId, 1, decision.strip(), day, user, at);
            // The trail prints its numbers the Vietnamese way, which a resolution's number and date would not survive:
            // the resolution is in the planning cycle's own record (MetadataAudit).
            audit(unit, periodId, now, "ADOPT", Targets.describe(t) + " (" + t.status().label() + ")",
                    Targets.describe(now) + " (" + now.status().label() + ")", user, source, at);
            adopted.add(now);
        }
        return adopted;
    }

    /**
     * Adjusts an adopted target (điều chỉnh kế hoạch): a new version with the value, the decision and the day it takes
     * effect, which must come after the version in force before it. A target adopted without a resolution recorded
     * here (loaded or set as adopted) gets its present value as version 1, in force from the start of its period.
     */
    @Transactional
    public Target adjust(String figureCode, String orgUnitCode, vn.kehoach.period.Period period, Issuer issuer,
                         BigDecimal value, BigDecimal valueHigh, String decision, LocalDate from, String user,
                         Source source) {
        OrgUnit unit = orgUnits.require(orgUnitCode);
        guard.checkWrite(Resource.TARGET, unit.place());
        Target t = targets.find(figureCode, unit.code(), period, issuer).orElseThrow(() -> new TargetNotFoundException(
                "Không có chỉ tiêu " + figureCode.toUpperCase() + " của " + unit.name() + " kỳ " + period.id()
                        + " do " + issuer.label() + " để điều chỉnh"));
        if (t.status() != TargetStatus.ADOPTED) {
            throw new TargetInputException("status", t.status().name(), "Chỉ tiêu " + t.figureCode() + " của "
                    + unit.name() + " kỳ " + period.id() + " còn " + t.status().label()
                    + ": chỉ điều chỉnh chỉ tiêu đã thông qua; chỉ tiêu chưa thông qua thì sửa trực tiếp");
        }
        if (decision == null || decision.isBlank()) {
            throw new TargetInputException("decision", decision, "Thiếu quyết định (nghị quyết) điều chỉnh");
        }
        if (from == null) {
            throw new TargetInputException("from", null, "Thiếu ngày chỉ tiêu điều chỉnh có hiệu lực");
        }
        if (value == null) {
            throw new TargetInputException("value", null, "Thiếu giá trị chỉ tiêu điều chỉnh");
        }
        if (t.direction() == Direction.RANGE ? valueHigh == null || valueHigh.compareTo(value) < 0 : valueHigh != null) {
            throw new TargetInputException("valueHigh", valueHigh == null ? null : valueHigh.toPlainString(),
                    t.direction() == Direction.RANGE ? "Chỉ tiêu dạng khoảng cần giá trị trên không nhỏ hơn giá trị dưới"
                            : "Giá trị trên chỉ dùng cho chỉ tiêu dạng khoảng");
        }
        long periodId = periods.idOf(period);
        Instant at = Instant.now();
        List<TargetVersion> versions = targets.versions(t.figureCode(), unit, period, issuer);
        if (versions.isEmpty()) {
            version(t, unit, periodId, 1, t.decision() == null ? "chỉ tiêu đã giao" : t.decision(), period.start(),
                    user, at);
            versions = targets.versions(t.figureCode(), unit, period, issuer);
        }
        TargetVersion last = versions.get(versions.size() - 1);
        if (!from.isAfter(last.effectiveFrom())) {
            throw new TargetInputException("from", from.toString(), "Ngày hiệu lực " + Numbers.vi().date(from)
                    + " phải sau ngày hiệu lực của phiên bản trước (" + Numbers.vi().date(last.effectiveFrom()) + ")");
        }
        TargetVersion adopted = versions.get(0);
        TargetVersion next = new TargetVersion(last.version() + 1, t.direction(), Numbers.normal(value),
                Numbers.normal(valueHigh), decision.strip(), from, user, at);
        Target now = new Target(t.figureCode(), t.orgUnitCode(), period, issuer, t.direction(), t.basis(), next.value(),
                next.valueHigh(), TargetStatus.ADOPTED, TargetVersion.decisionOf(adopted, next), t.wording(), t.note(),
                t.illustrative());
        jdbc.sql("""
                update target set amount = :value, amount_high = :high, decision = :decision, version = version + 1,
                       updated_by = :user, updated_at = :at
                 where figure_code = :figure and org_unit_id = :unit and period_id = :period and issuer = :issuer""")
                .param("value", next.value()).param("high", next.valueHigh()).param("decision", now.decision())
                .param("user", user).param("at", at.atOffset(ZoneOffset.UTC)).param("figure", t.figureCode())
                .param("unit", unit.id()).param("period", periodId).param("issuer", issuer.name()).update();
        version(now, unit, periodId, next.version(), next.decision(), from, user, at);
        audit(unit, periodId, now, "ADJUST", Targets.describe(t), Targets.describe(now), user, source, at);
        return now;
    }

    private void version(Target t, OrgUnit unit, long periodId, int version, String decision, LocalDate from,
                         String user, Instant at) {
        jdbc.sql("""
                insert into target_version (figure_code, org_unit_id, period_id, issuer, version, direction, amount,
                       amount_high, decision, effective_from, recorded_by, recorded_at)
                values (:figure, :unit, :period, :issuer, :version, :direction, :value, :high, :decision, :from,
                       :user, :at)""")
                .param("figure", t.figureCode()).param("unit", unit.id()).param("period", periodId)
                .param("issuer", t.issuer().name()).param("version", version).param("direction", t.direction().name())
                .param("value", t.value()).param("high", t.valueHigh()).param("decision", decision)
                .param("from", from).param("user", user).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    private void audit(OrgUnit unit, long periodId, Target t, String action, String old, String now, String user,
                       Source source, Instant at) {
        jdbc.sql("""
                insert into target_audit (figure_code, org_unit_id, period_id, issuer, action, old_value, new_value,
                       changed_by, changed_at, source)
                values (:figure, :unit, :period, :issuer, :action, :old, :new, :user, :at, :source)""")
                .param("figure", t.figureCode()).param("unit", unit.id()).param("period", periodId)
                .param("issuer", t.issuer().name()).param("action", action).param("old", cut(old))
                .param("new", cut(now)).param("user", user).param("at", at.atOffset(ZoneOffset.UTC))
                .param("source", source.name()).update();
    }

    /** The trail keeps 200 characters of a target. */
    private static String cut(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }
}
