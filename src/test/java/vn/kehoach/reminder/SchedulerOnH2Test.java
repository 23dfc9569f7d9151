package vn.kehoach.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kehoach.TestDb;
import vn.kehoach.format.Numbers;

/**
 * V19 on the embedded default (H2 in PostgreSQL mode): db-scheduler runs a due job from its table once though two
 * schedulers share the database, and the sent-log's "on conflict do nothing" records a reminder once. (The same on
 * PostgreSQL, with the whole application on two nodes: {@link RemindersOnTwoNodesTest}.)
 */
class SchedulerOnH2Test {

    @Test
    void aJobMadeDueRunsOnceOnTwoSchedulersAndAReminderIsLoggedOnce() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(TestDb.freshH2());
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();

        AtomicInteger runs = new AtomicInteger();
        Scheduler one = scheduler(h2, runs);
        Scheduler two = scheduler(h2, runs);
        try {
            one.start();
            two.start();
            Instant asked = Instant.now();
            assertThat(one.reschedule(TaskInstanceId.of("form-reminders", RecurringTask.INSTANCE), asked)).isTrue();
            one.triggerCheckForDueExecutions();
            two.triggerCheckForDueExecutions();
            Instant deadline = asked.plus(Duration.ofSeconds(30));
            while (runs.get() == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                two.triggerCheckForDueExecutions();
            }
            Thread.sleep(1500);
            assertThat(runs.get()).isEqualTo(1);
        } finally {
            one.stop();
            two.stop();
        }

        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("insert into org_unit (code, name, kind, path, level) values ('MINHLONG', 'Xã Minh Long', 'COMMUNE', '/1/', 1)")
                .update();
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, org_unit_id, created_at, created_by)
                values ('reporter-minhlong', 'x', 'Cán bộ Xã Minh Long', 1, :at, 'test')""")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        List<Integer> inserted = List.of(logOnce(jdbc), logOnce(jdbc));
        assertThat(inserted).containsExactly(1, 0);
    }

    private static int logOnce(JdbcClient jdbc) {
        return jdbc.sql("""
                        insert into reminder_sent (user_id, kind, subject, org_unit_id, period, threshold, sent_at)
                        values (1, 'FORM_DUE', 'NN_6T_XA', 1, '2021S1', 'DUE_7', :at)
                        on conflict do nothing""")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    private static Scheduler scheduler(JdbcDataSource h2, AtomicInteger runs) {
        RecurringTask<Void> task = Tasks.recurring("form-reminders", Schedules.daily(Numbers.VIETNAM, LocalTime.of(7, 0)))
                .execute((instance, context) -> runs.incrementAndGet());
        return Scheduler.create(h2).startTasks(task).pollingInterval(Duration.ofMillis(500)).threads(2).build();
    }
}
