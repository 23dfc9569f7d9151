package vn.kehoach.reminder.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.kehoach.format.Numbers;
import vn.kehoach.reminder.Job;
import vn.kehoach.reminder.Jobs;

/**
 * The scheduler (db-scheduler on the application's database, table {@code scheduled_tasks}): each {@link Job} is a
 * recurring task run daily at {@code kehoach.scheduler.daily-at} (07:00, Vietnam time). Every node runs a scheduler;
 * a node takes a due execution only by moving its row's version on, so a job runs on one node per day however many
 * share the database. Off in short commands ({@code kehoach.scheduler.enabled=false}, set by the command line).
 */
@Component
@ConditionalOnProperty(name = "kehoach.scheduler.enabled", havingValue = "true", matchIfMissing = true)
public class JobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final DataSource dataSource;
    private final List<RecurringTask<Void>> tasks;
    private final Duration polling;
    /** The current db-scheduler: one that has been stopped cannot start again, so each start makes a new one. */
    private volatile Scheduler scheduler;
    private volatile boolean running;
    private volatile boolean stopped;

    JobScheduler(DataSource dataSource, Jobs jobs, @Value("${kehoach.scheduler.daily-at:07:00}") String dailyAt,
                 @Value("${kehoach.scheduler.polling-interval:10s}") Duration polling) {
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        for (Job job : Job.values()) {
            tasks.add(Tasks.recurring(job.taskName(), Schedules.daily(Numbers.VIETNAM, LocalTime.parse(dailyAt)))
                    .execute((instance, context) -> {
                        int sent = jobs.run(job);
                        log.info("{}: {} sent for {}", job.taskName(), sent, jobs.today());
                    }));
        }
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.polling = polling;
        this.scheduler = build();
    }

    private Scheduler build() {
        return Scheduler.create(dataSource)
                .startTasks(tasks)
                .pollingInterval(polling)
                .threads(2)
                .build();
    }

    /**
     * Makes the job due now; the node that takes it first runs it (this one or another), once. Returns false when
     * the job is being run at this moment.
     */
    public boolean runSoon(Job job) {
        boolean rescheduled = scheduler.reschedule(TaskInstanceId.of(job.taskName(), RecurringTask.INSTANCE),
                Instant.now());
        scheduler.triggerCheckForDueExecutions();
        return rescheduled;
    }

    /** When the job runs next; null while it is running. */
    public Instant nextRun(Job job) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(job.taskName(), RecurringTask.INSTANCE))
                .filter(e -> !e.isPicked()).map(e -> e.getExecutionTime()).orElse(null);
    }

    /** Asks this node to look for due executions now instead of at its next poll. */
    public void poll() {
        scheduler.triggerCheckForDueExecutions();
    }

    @Override
    public synchronized void start() {
        // Stopped and started again (a paused test context, a lifecycle restart): db-scheduler's executors are gone.
        if (stopped) {
            scheduler = build();
            stopped = false;
        }
        scheduler.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        scheduler.stop();
        stopped = true;
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
