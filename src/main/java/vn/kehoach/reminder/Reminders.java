package vn.kehoach.reminder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import vn.kehoach.approval.ApprovalState;
import vn.kehoach.approval.ApprovalWorkflow;
import vn.kehoach.approval.Completeness;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;
import vn.kehoach.planning.PlanCycle;
import vn.kehoach.planning.PlanStatus;
import vn.kehoach.planning.PlanningCycle;
import vn.kehoach.planning.Stage;
import vn.kehoach.security.Role;
import vn.kehoach.security.User;
import vn.kehoach.security.Users;

/**
 * The reminders of a day (nhắc việc): forms due within {@code kehoach.reminder.days-before} days (7 and 1 by default)
 * or overdue by at most {@code kehoach.reminder.overdue-days} (30), to the reporters of each unit that has not
 * submitted them; the planning cycle's deadline for proposals, to the planners of each unit below that has not sent
 * its proposals, and once overdue to the planners of the unit that opened the cycle. Each reminder is sent once per
 * threshold ({@link Notifications#deliver}); a run on a day that already had its run sends nothing new.
 */
@Service
public class Reminders {

    /** The threshold of a reminder sent after the due date. */
    public static final String OVERDUE = "OVERDUE";

    private final DataSets dataSets;
    private final ApprovalWorkflow approvals;
    private final PlanningCycle planning;
    private final OrgUnits orgUnits;
    private final Users users;
    private final Notifications notifications;
    private final List<Integer> daysBefore;
    private final int overdueDays;

    public Reminders(DataSets dataSets, ApprovalWorkflow approvals, PlanningCycle planning, OrgUnits orgUnits,
                     Users users, Notifications notifications,
                     @Value("${kehoach.reminder.days-before:7,1}") String daysBefore,
                     @Value("${kehoach.reminder.overdue-days:30}") int overdueDays) {
        this.dataSets = dataSets;
        this.approvals = approvals;
        this.planning = planning;
        this.orgUnits = orgUnits;
        this.users = users;
        this.notifications = notifications;
        this.daysBefore = Arrays.stream(daysBefore.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).sorted().toList();
        this.overdueDays = overdueDays;
    }

    /**
     * The threshold a due date has reached on {@code today}: "DUE_n" for the smallest n of the days before that the
     * remaining days fit in, {@link #OVERDUE} once it has passed (for at most the overdue days), else none.
     */
    public Optional<String> threshold(LocalDate due, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, due);
        if (left < 0) {
            return -left <= overdueDays ? Optional.of(OVERDUE) : Optional.empty();
        }
        return daysBefore.stream().filter(n -> left <= n).findFirst().map(n -> "DUE_" + n);
    }

    /** Reminds reporters of the forms due or overdue on {@code today}; returns how many reminders went out. */
    public int remindForms(LocalDate today) {
        int sent = 0;
        for (DataSet form : dataSets.all()) {
            for (Period period : duePeriods(form, today)) {
                LocalDate due = form.dueDate(period);
                Optional<String> threshold = threshold(due, today);
                if (threshold.isEmpty()) {
                    continue;
                }
                for (OrgUnit root : orgUnits.roots()) {
                    Completeness c = approvals.completeness(form, root, period);
                    for (Completeness.Line line : c.lines()) {
                        ApprovalState state = line.approval().state();
                        if (state == ApprovalState.SUBMITTED || state == ApprovalState.APPROVED) {
                            continue;
                        }
                        for (User u : staff(line.unit(), Role.REPORTER)) {
                            sent += notifications.deliver(formReminder(u, form, line, period, due, today,
                                    threshold.get()), null) ? 1 : 0;
                        }
                    }
                }
            }
        }
        return sent;
    }

    /**
     * The periods of the form's type whose due date lies between the oldest overdue one still reminded of and the
     * farthest day before. Crop seasons and crop years have no period a day names and are not reminded of.
     */
    List<Period> duePeriods(DataSet form, LocalDate today) {
        PeriodType type = form.periodType();
        if (type == PeriodType.SEASON || type == PeriodType.CROP_YEAR) {
            return List.of();
        }
        int farthest = daysBefore.isEmpty() ? 0 : daysBefore.get(daysBefore.size() - 1);
        LocalDate first = today.minusDays(overdueDays);
        LocalDate last = today.plusDays(farthest);
        List<Period> out = new ArrayList<>();
        for (Period p = Period.containing(type, last.minusDays(form.dueDays())); !form.dueDate(p).isBefore(first);
             p = p.previous()) {
            LocalDate due = form.dueDate(p);
            if (!due.isAfter(last)) {
                out.add(p);
            }
        }
        return out;
    }

    private Reminder formReminder(User u, DataSet form, Completeness.Line line, Period period, LocalDate due,
                                  LocalDate today, String threshold) {
        OrgUnit unit = line.unit();
        String date = Numbers.vi().date(due);
        boolean overdue = OVERDUE.equals(threshold);
        long days = Math.abs(ChronoUnit.DAYS.between(today, due));
        String title = (overdue ? "Quá hạn nộp biểu: " : "Sắp đến hạn nộp biểu: ") + form.name() + " — " + unit.name()
                + ", " + period.label() + ", hạn " + date;
        String when = overdue ? "đã quá hạn " + days + " ngày (hạn " + date + ")"
                : days == 0 ? "hạn nộp là hôm nay, " + date : "hạn nộp ngày " + date + ", còn " + days + " ngày";
        String body = "Kính gửi " + u.displayName() + ",\n\nBiểu '" + form.name() + "' của " + unit.name() + " kỳ "
                + period.label() + " " + when + "; biểu " + line.approval().state().phrase() + " ("
                + line.entered() + "/" + line.expected() + " dòng đã nhập).\nMời nhập và gửi biểu tại đường dẫn dưới đây.";
        String link = UriComponentsBuilder.fromPath("/entry/open").queryParam("form", form.code())
                .queryParam("unit", unit.code()).queryParam("period", period.id()).encode().toUriString();
        return new Reminder(u.id(), NotificationKind.FORM_DUE, form.code(), unit, period.id(), threshold, title, body,
                link);
    }

    /**
     * Reminds planners of the planning cycles' deadlines on {@code today}: the planners of each unit below that has
     * neither sent its proposals nor been allocated targets, before the deadline and once overdue; once overdue also
     * the planners of the unit that opened the cycle, naming the units that have not sent. Returns how many went out.
     */
    public int remindPlanCycles(LocalDate today) {
        int sent = 0;
        Set<Long> parents = new HashSet<>();
        List<OrgUnit> all = orgUnits.all();
        all.forEach(u -> {
            if (u.parentId() != null) {
                parents.add(u.parentId());
            }
        });
        for (OrgUnit unit : all) {
            if (!parents.contains(unit.id())) {
                continue;
            }
            for (int year = today.getYear(); year <= today.getYear() + 2; year++) {
                Optional<PlanCycle> found = planning.find(unit, year);
                if (found.isEmpty()) {
                    continue;
                }
                PlanCycle cycle = found.get();
                Optional<String> threshold = threshold(cycle.deadline(), today);
                if (threshold.isEmpty()) {
                    continue;
                }
                List<OrgUnit> late = new ArrayList<>();
                for (PlanStatus s : planning.status(unit.code(), year)) {
                    if (s.stage() != Stage.PROPOSING) {
                        continue;
                    }
                    late.add(s.unit());
                    for (User u : staff(s.unit(), Role.PLANNER)) {
                        sent += notifications.deliver(planReminder(u, cycle, s.unit(), today, threshold.get()), null)
                                ? 1 : 0;
                    }
                }
                if (OVERDUE.equals(threshold.get()) && !late.isEmpty()) {
                    for (User u : staff(unit, Role.PLANNER)) {
                        sent += notifications.deliver(overdueSummary(u, cycle, late, today), null) ? 1 : 0;
                    }
                }
            }
        }
        return sent;
    }

    private Reminder planReminder(User u, PlanCycle cycle, OrgUnit below, LocalDate today, String threshold) {
        String date = Numbers.vi().date(cycle.deadline());
        boolean overdue = OVERDUE.equals(threshold);
        long days = Math.abs(ChronoUnit.DAYS.between(today, cycle.deadline()));
        String title = (overdue ? "Quá hạn gửi đề xuất kế hoạch năm " : "Sắp đến hạn gửi đề xuất kế hoạch năm ")
                + cycle.year() + " — " + below.name() + ", hạn " + date;
        String body = "Kính gửi " + u.displayName() + ",\n\n" + cycle.unit().name() + " đề nghị " + below.name()
                + " gửi đề xuất chỉ tiêu kế hoạch năm " + cycle.year() + " (" + String.join(", ", cycle.figures())
                + ") " + (overdue ? "trước ngày " + date + "; đã quá hạn " + days + " ngày"
                : "trước ngày " + date + (days == 0 ? " (hôm nay)" : ", còn " + days + " ngày")) + ".";
        String link = UriComponentsBuilder.fromPath("/plans/{year}/proposal").queryParam("unit", below.code())
                .buildAndExpand(cycle.year()).encode().toUriString();
        return new Reminder(u.id(), NotificationKind.PLAN_DEADLINE, "PLAN", below, String.valueOf(cycle.year()),
                threshold, title, body, link);
    }

    private Reminder overdueSummary(User u, PlanCycle cycle, List<OrgUnit> late, LocalDate today) {
        String date = Numbers.vi().date(cycle.deadline());
        String title = "Quá hạn gửi đề xuất kế hoạch năm " + cycle.year() + ": " + late.size()
                + " đơn vị chưa gửi, hạn " + date;
        String body = "Kính gửi " + u.displayName() + ",\n\nĐã quá hạn " + date + " gửi đề xuất kế hoạch năm "
                + cycle.year() + " mà " + late.size() + " đơn vị chưa gửi: "
                + String.join(", ", late.stream().map(OrgUnit::name).toList()) + ".";
        String link = UriComponentsBuilder.fromPath("/plans/{year}").queryParam("unit", cycle.unit().code())
                .buildAndExpand(cycle.year()).encode().toUriString();
        return new Reminder(u.id(), NotificationKind.PLAN_DEADLINE, "PLAN", cycle.unit(), String.valueOf(cycle.year()),
                OVERDUE, title, body, link);
    }

    /** The enabled users of the unit itself (not of units below it) that hold the role. */
    private List<User> staff(OrgUnit unit, Role role) {
        return users.list(unit).stream().filter(u -> u.enabled() && unit.code().equals(u.orgUnitCode())
                && u.roles().contains(role)).toList();
    }
}
