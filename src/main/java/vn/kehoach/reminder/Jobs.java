package vn.kehoach.reminder;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.kehoach.format.Numbers;

/**
 * Runs the jobs. The scheduler ({@code kehoach.scheduler.enabled}) calls {@link #run(Job)} once a day on one node;
 * {@link #run(Job, LocalDate)} runs a job now, in the caller's thread, for a given day — what tests and a catch-up
 * use. The day is Vietnam's today, or {@code kehoach.reminder.today} when set (a fixed day: tests, rehearsals).
 */
@Service
public class Jobs {

    private final Reminders reminders;
    private final ExportSchedules exports;
    private final LocalDate fixedToday;

    public Jobs(Reminders reminders, ExportSchedules exports, @Value("${kehoach.reminder.today:}") String today) {
        this.reminders = reminders;
        this.exports = exports;
        this.fixedToday = today == null || today.isBlank() ? null : LocalDate.parse(today.strip());
    }

    /** The day the jobs take as today. */
    public LocalDate today() {
        return fixedToday != null ? fixedToday : Numbers.vi().today();
    }

    /** Runs the job for {@link #today()}; returns how many reminders or files it sent. */
    public int run(Job job) {
        return run(job, today());
    }

    /** Runs the job for the day, now, in this thread; returns how many reminders or files it sent. */
    public int run(Job job, LocalDate day) {
        return switch (job) {
            case FORM_REMINDERS -> reminders.remindForms(day);
            case PLAN_REMINDERS -> reminders.remindPlanCycles(day);
            case SCHEDULED_EXPORTS -> exports.run(day);
        };
    }
}
