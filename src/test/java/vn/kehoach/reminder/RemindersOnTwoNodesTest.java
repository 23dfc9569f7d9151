package vn.kehoach.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import vn.kehoach.ActingAs;
import vn.kehoach.KeHoachApplication;
import vn.kehoach.TestDb;
import vn.kehoach.audit.Source;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.planning.PlanningCycle;
import vn.kehoach.reminder.internal.JobScheduler;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;

import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;

/**
 * Two nodes (two application contexts, both with the scheduler on) over one fresh PostgreSQL holding the demo, and
 * an SMTP server in the test (GreenMail): the demo's commune form NN_6T_XA of 2021S1 is due on 10/07/2021, so on
 * 03/07/2021 (seven days before) each of the 13 reporters of Hạ Lang's communes and town is reminded once, whichever
 * node runs the job and however often; a reporter who turned e-mail off gets the in-app notification only, which
 * their home page shows until they mark it read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemindersOnTwoNodesTest {

    static final String FORM = "Kết quả sản xuất nông nghiệp 6 tháng (cấp xã)";
    static final LocalDate WEEK_BEFORE = LocalDate.of(2021, 7, 3);
    static final List<String> REPORTERS = List.of("anlac", "congan", "dongloan", "ducquang", "kimloan", "lyquoc",
            "minhlong", "quanglong", "thangloi", "thanhnhat", "thihoa", "thongnhat", "vinhquy");
    /** Turned e-mail off for form reminders. */
    static final String NO_MAIL = "reporter-kimloan";

    GreenMail smtp;
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    JdbcClient jdbc;

    @BeforeAll
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        String db = TestDb.freshPostgres();
        a = node(db);
        a.getBean(DemoDistrict.class).load("test");
        b = node(db);
        jdbc = a.getBean(JdbcClient.class);
        Users users = a.getBean(Users.class);
        Notifications notifications = a.getBean(Notifications.class);
        for (String r : REPORTERS) {
            String username = "reporter-" + r;
            List<Delivery> how = Arrays.stream(NotificationKind.values())
                    .map(k -> new Delivery(k, true, !(username.equals(NO_MAIL) && k == NotificationKind.FORM_DUE)))
                    .toList();
            ActingAs.run(users, username, () -> notifications.choose(username + "@halang.example", how));
        }
    }

    private ConfigurableApplicationContext node(String db) {
        return new SpringApplicationBuilder(KeHoachApplication.class).web(WebApplicationType.SERVLET).run(
                "--server.port=0", "--spring.datasource.url=" + db,
                "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=0",
                "--kehoach.analytics.warm-up=false",
                "--kehoach.scheduler.enabled=true", "--kehoach.scheduler.polling-interval=1s",
                "--kehoach.reminder.today=" + WEEK_BEFORE,
                "--kehoach.reminder.base-url=https://kehoach.halang.example",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--kehoach.reminder.mail-from=KeHoach Hạ Lang <kehoach@halang.example>");
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {b, a}) {
            if (c != null) {
                c.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void weekBeforeTheDueDateEachReporterIsMailedOnceThoughBothNodesRunTheJob() throws Exception {
        Instant asked = Instant.now();
        a.getBean(JobScheduler.class).runSoon(Job.FORM_REMINDERS);
        b.getBean(JobScheduler.class).poll();
        awaitRunAfter(asked);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(12);
        Map<String, String> subjects = new TreeMap<>();
        for (MimeMessage m : mails) {
            assertThat(subjects.put(m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject())).isNull();
        }
        assertThat(subjects).doesNotContainKey(NO_MAIL + "@halang.example");
        assertThat(subjects.get("reporter-minhlong@halang.example")).isEqualTo("Sắp đến hạn nộp biểu: " + FORM
                + " — Xã Minh Long, 6 tháng đầu năm 2021, hạn 10/07/2021");
        MimeMessage minhLong = Arrays.stream(mails).filter(m -> subject(m).contains("Xã Minh Long")).findFirst()
                .orElseThrow();
        String body = GreenMailUtil.getBody(minhLong);
        assertThat(minhLong.getFrom()[0].toString()).contains("kehoach@halang.example");
        assertThat(decoded(minhLong)).contains("Biểu '" + FORM + "' của Xã Minh Long kỳ 6 tháng đầu năm 2021 hạn nộp"
                + " ngày 10/07/2021, còn 7 ngày")
                .contains("https://kehoach.halang.example/entry/open?form=NN_6T_XA&unit=MINHLONG&period=2021S1");
        assertThat(body).isNotEmpty();

        assertThat(count("select count(*) from reminder_sent where threshold = 'DUE_7'")).isEqualTo(13);
        assertThat(count("select count(*) from notification where kind = 'FORM_DUE'")).isEqualTo(13);
    }

    @Test
    @Order(2)
    void runningTheJobAgainOnBothNodesAtOnceSendsNothingNew() {
        int[] sent = runOnBoth(Job.FORM_REMINDERS, WEEK_BEFORE);
        assertThat(sent[0] + sent[1]).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(12);
    }

    @Test
    @Order(3)
    void theDayBeforeEachReporterIsRemindedOnceMoreEvenWhenBothNodesRunAtOnce() {
        int[] sent = runOnBoth(Job.FORM_REMINDERS, LocalDate.of(2021, 7, 9));
        assertThat(sent[0] + sent[1]).isEqualTo(13);
        List<String> dayBefore = Arrays.stream(smtp.getReceivedMessages()).map(RemindersOnTwoNodesTest::subject)
                .filter(s -> s.startsWith("Sắp đến hạn")).toList();
        assertThat(dayBefore).hasSize(24);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(RemindersOnTwoNodesTest::decoded)
                .filter(t -> t.contains("Xã Minh Long") && t.contains("còn 1 ngày")).count()).isEqualTo(1);

        int[] overdue = runOnBoth(Job.FORM_REMINDERS, LocalDate.of(2021, 7, 12));
        assertThat(overdue[0] + overdue[1]).isEqualTo(13);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(RemindersOnTwoNodesTest::subject)
                .filter(s -> s.equals("Quá hạn nộp biểu: " + FORM + " — Thị trấn Thanh Nhật, 6 tháng đầu năm 2021,"
                        + " hạn 10/07/2021")).count()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(36);
        assertThat(count("""
                select count(*) from (select user_id, kind, subject, org_unit_id, period, threshold, count(*)
                  from reminder_sent group by user_id, kind, subject, org_unit_id, period, threshold
                 having count(*) > 1) twice""")).isZero();
    }

    @Test
    @Order(4)
    void theReporterWhoTurnedMailOffSeesTheReminderOnTheHomePageUntilRead() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) b)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        var kimLoan = b.getBean(Users.class).principal(NO_MAIL).orElseThrow();
        String home = mvc.perform(get("/").with(user(kimLoan))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("id=\"notifications\"")
                .contains("Sắp đến hạn nộp biểu: " + FORM + " — Xã Kim Loan, 6 tháng đầu năm 2021, hạn 10/07/2021")
                .contains("Quá hạn nộp biểu: " + FORM + " — Xã Kim Loan, 6 tháng đầu năm 2021, hạn 10/07/2021")
                .contains("href=\"/entry/open?form=NN_6T_XA&amp;unit=KIMLOAN&amp;period=2021S1\"");
        List<Long> ids = jdbc.sql("""
                        select n.id from notification n join app_user u on u.id = n.user_id
                         where u.username = :u order by n.id""").param("u", NO_MAIL).query(Long.class).list();
        assertThat(ids).hasSize(3);
        for (long id : ids) {
            mvc.perform(post("/notifications/{id}/read", id).with(user(kimLoan)).with(csrf()));
        }
        String after = mvc.perform(get("/").with(user(kimLoan))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("id=\"notifications\"");
        String page = mvc.perform(get("/account/notifications").with(user(kimLoan))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(NO_MAIL + "@halang.example").contains("Quá hạn nộp biểu");
    }

    @Test
    @Order(5)
    void plannersAreRemindedOfThePlanningCycleDeadline() {
        Users users = a.getBean(Users.class);
        users.create("kh-xahalang", "mat-khau-xa", "Cán bộ kế hoạch Xã Hạ Lang", Set.of(Role.PLANNER), "XAHALANG", "test");
        users.create("kh-tinh", "mat-khau-tinh", "Sở Kế hoạch và Đầu tư", Set.of(Role.PLANNER), "CAOBANG", "test");
        Notifications notifications = a.getBean(Notifications.class);
        List<Delivery> both = Arrays.stream(NotificationKind.values()).map(Delivery::both).toList();
        ActingAs.run(users, "kh-xahalang", () -> notifications.choose("kh-xahalang@caobang.example", both));
        ActingAs.run(users, "kh-tinh", () -> notifications.choose("kh-tinh@caobang.example", both));
        a.getBean(PlanningCycle.class).open("CAOBANG", 2028, LocalDate.of(2027, 7, 15), List.of("BUFFALO_HERD"),
                false, "test", Source.CLI);
        int before = smtp.getReceivedMessages().length;

        int[] sent = runOnBoth(Job.PLAN_REMINDERS, LocalDate.of(2027, 7, 14));
        assertThat(sent[0] + sent[1]).isEqualTo(1);
        int[] overdue = runOnBoth(Job.PLAN_REMINDERS, LocalDate.of(2027, 7, 16));
        assertThat(overdue[0] + overdue[1]).isEqualTo(2);

        List<String> planMails = Arrays.stream(smtp.getReceivedMessages()).skip(before)
                .map(m -> recipient(m) + ": " + subject(m)).toList();
        assertThat(planMails).containsExactlyInAnyOrder(
                "kh-xahalang@caobang.example: Sắp đến hạn gửi đề xuất kế hoạch năm 2028 — Xã Hạ Lang, hạn 15/07/2027",
                "kh-xahalang@caobang.example: Quá hạn gửi đề xuất kế hoạch năm 2028 — Xã Hạ Lang, hạn 15/07/2027",
                "kh-tinh@caobang.example: Quá hạn gửi đề xuất kế hoạch năm 2028: 4 đơn vị chưa gửi, hạn 15/07/2027");
    }

    @Test
    @Order(6)
    void aPlannersMonthlyComparisonsArriveOnceAsACsvAttachmentAndAreKept() throws Exception {
        Users users = a.getBean(Users.class);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) a)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        var planner = users.principal("planner").orElseThrow();
        var choose = post("/account/notifications").with(user(planner)).with(csrf())
                .param("email", "planner@halang.example");
        for (NotificationKind k : NotificationKind.values()) {
            choose = choose.param(k.name() + ".app", "on").param(k.name() + ".mail", "on");
        }
        mvc.perform(choose);
        assertThat(a.getBean(Notifications.class).email(users.require("planner").id())).isEqualTo("planner@halang.example");
        mvc.perform(post("/account/notifications/exports").with(user(planner)).with(csrf()).param("unit", "HALANG")
                .param("day", "5"));
        List<ExportSchedule> schedules = ActingAs.as(users, "planner", () -> a.getBean(ExportSchedules.class).mine());
        assertThat(schedules).hasSize(1);
        ExportSchedule s = schedules.get(0);
        assertThat(s.unitCode()).isEqualTo("HALANG");
        assertThat(s.dayOfMonth()).isEqualTo(5);
        assertThat(runOnBoth(Job.SCHEDULED_EXPORTS, LocalDate.of(2021, 7, 4))).containsExactly(0, 0);
        int[] sent = runOnBoth(Job.SCHEDULED_EXPORTS, LocalDate.of(2021, 7, 5));
        assertThat(sent[0] + sent[1]).isEqualTo(1);
        assertThat(runOnBoth(Job.SCHEDULED_EXPORTS, LocalDate.of(2021, 7, 20))).containsExactly(0, 0);

        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).startsWith("planner@"))
                .findFirst().orElseThrow();
        assertThat(subject(mail)).isEqualTo("Bảng so sánh Huyện Hạ Lang, 6 tháng đầu năm 2021 (tháng 07/2021)");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("so-sanh-HALANG-2021S1.csv");
        List<ExportFile> files = ActingAs.as(users, "planner", () -> a.getBean(ExportSchedules.class).files());
        assertThat(files).hasSize(1);
        assertThat(files.get(0).scheduleId()).isEqualTo(s.id());
        var file = ActingAs.as(users, "planner", () -> a.getBean(ExportSchedules.class).file(files.get(0).id()))
                .orElseThrow();
        String csv = new String(file.content(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFunit,unit_name,indicator_code");
        assertThat(csv.lines().filter(l -> l.startsWith("HALANG,")).count()).isEqualTo(csv.lines().count() - 1);
        assertThat(csv.lines().count() - 1).isEqualTo(107);
        String page = mvc.perform(get("/account/notifications").with(user(planner))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("so-sanh-HALANG-2021S1.csv").contains("Huyện Hạ Lang")
                .contains("Bảng so sánh Huyện Hạ Lang, 6 tháng đầu năm 2021 (tháng 07/2021)");
        var download = mvc.perform(get("/account/notifications/files/{id}", files.get(0).id()).with(user(planner)))
                .andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(file.content());
        var someoneElse = users.principal("reporter-minhlong").orElseThrow();
        assertThat(mvc.perform(get("/account/notifications/files/{id}", files.get(0).id()).with(user(someoneElse)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private int[] runOnBoth(Job job, LocalDate day) {
        CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> a.getBean(Jobs.class).run(job, day));
        CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> b.getBean(Jobs.class).run(job, day));
        return new int[] {onA.join(), onB.join()};
    }

    /** Waits until the job asked for at {@code asked} has run (its next run is tomorrow's), at most a minute. */
    private void awaitRunAfter(Instant asked) throws InterruptedException {
        JobScheduler scheduler = a.getBean(JobScheduler.class);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            Instant next = scheduler.nextRun(Job.FORM_REMINDERS);
            if (next != null && next.isAfter(asked.plus(Duration.ofMinutes(1)))) {
                return;
            }
            b.getBean(JobScheduler.class).poll();
            Thread.sleep(200);
        }
        throw new AssertionError("the reminder job did not run within a minute");
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decoded(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String s ? s : GreenMailUtil.getBody(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
