package vn.kehoach.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.ComparisonRow;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.security.User;
import vn.kehoach.security.Users;

/**
 * Scheduled exports (xuất số liệu định kỳ): a planner asks for the comparisons of a unit of their subtree as CSV each
 * month; on the day, the file is made, kept for them (downloadable from {@code /account/notifications}) and sent as
 * they chose — a notification in the application, an e-mail with the file attached. Once per schedule and month.
 */
@Service
public class ExportSchedules {

    /** The one kind of export schedulable so far: the comparison table of a unit (what {@code kehoach compare} writes). */
    public static final String COMPARISONS_CSV = "COMPARISONS_CSV";

    private final JdbcClient jdbc;
    private final Users users;
    private final Actors actors;
    private final OrgUnits orgUnits;
    private final ComparisonEngine engine;
    private final DataValues dataValues;
    private final Notifications notifications;
    private final MetadataAudit audit;
    private final TransactionTemplate transactions;

    public ExportSchedules(JdbcClient jdbc, Users users, Actors actors, OrgUnits orgUnits, ComparisonEngine engine,
                           DataValues dataValues, Notifications notifications, MetadataAudit audit,
                           TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.users = users;
        this.actors = actors;
        this.orgUnits = orgUnits;
        this.engine = engine;
        this.dataValues = dataValues;
        this.notifications = notifications;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Schedules the monthly comparisons of the unit for the signed-in planner; audited. */
    @Transactional
    public ExportSchedule schedule(String unitCode, int dayOfMonth) {
        Actor a = actors.current();
        actors.checkRole(Role.PLANNER, Role.ADMIN);
        if (unitCode == null || unitCode.isBlank()) {
            throw new IllegalArgumentException("Chọn đơn vị của bảng so sánh (unit)");
        }
        OrgUnit unit = orgUnits.require(unitCode.strip());
        actors.checkCanSee(unit);
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException("Ngày trong tháng phải từ 1 đến 31, không phải " + dayOfMonth
                    + " (day)");
        }
        User me = users.require(a.username());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into export_schedule (owner_id, kind, org_unit_id, day_of_month, created_at, created_by)
                        values (:owner, :kind, :unit, :day, :at, :by)""")
                .param("owner", me.id()).param("kind", COMPARISONS_CSV).param("unit", unit.id()).param("day", dayOfMonth)
                .param("at", Instant.now().atOffset(ZoneOffset.UTC)).param("by", me.username()).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(MetadataChange.of(Area.USER, "Lập lịch xuất bảng so sánh", unit.id(), me.username(),
                me.username(), null, "bảng so sánh " + unit.name() + " (CSV), ngày " + dayOfMonth + " hằng tháng")
                .by(me.username()));
        return find(id).orElseThrow();
    }

    /** Cancels one of the signed-in user's schedules; audited. */
    @Transactional
    public void cancel(long id) {
        ExportSchedule s = find(id).filter(x -> x.owner().equals(actors.current().username()))
                .orElseThrow(() -> new IllegalArgumentException("Không có lịch xuất số " + id + " của bạn"));
        jdbc.sql("delete from export_schedule where id = :id").param("id", id).update();
        audit.record(MetadataChange.of(Area.USER, "Hủy lịch xuất bảng so sánh", orgUnits.require(s.unitCode()).id(),
                s.owner(), s.owner(), "bảng so sánh " + s.unitName() + " (CSV), ngày " + s.dayOfMonth() + " hằng tháng",
                null).by(s.owner()));
    }

    /** The signed-in user's schedules. */
    public List<ExportSchedule> mine() {
        return jdbc.sql(SELECT + " where u.username = :me order by s.id").param("me", actors.current().username())
                .query(ExportSchedules::schedule).list();
    }

    /** The files the signed-in user's schedules produced, newest first. */
    public List<ExportFile> files() {
        return jdbc.sql("""
                        select f.id, f.schedule_id, f.file_name, f.period, f.content, f.created_at from export_file f
                          join app_user u on u.id = f.owner_id
                         where u.username = :me order by f.created_at desc, f.id desc""")
                .param("me", actors.current().username())
                .query((rs, n) -> new ExportFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5).length, rs.getTimestamp(6).toInstant())).list();
    }

    /** One file of the signed-in user: its name and bytes; another's is not found. */
    public Optional<Notifications.Attachment> file(long id) {
        return jdbc.sql("""
                        select f.file_name, f.content from export_file f join app_user u on u.id = f.owner_id
                         where f.id = :id and u.username = :me""")
                .param("id", id).param("me", actors.current().username())
                .query((rs, n) -> new Notifications.Attachment(rs.getString(1), "text/csv", rs.getBytes(2))).optional();
    }

    /**
     * Runs the schedules due on {@code today} (their day this month has come) that have not run this month; the
     * export is made for the owner as they are now — a planner who lost the unit, or the role, gets nothing.
     * Returns how many files were made.
     */
    public int run(LocalDate today) {
        int made = 0;
        List<ExportSchedule> all = jdbc.sql(SELECT + " order by s.id").query(ExportSchedules::schedule).list();
        YearMonth month = YearMonth.from(today);
        for (ExportSchedule s : all) {
            int day = Math.min(s.dayOfMonth(), month.lengthOfMonth());
            if (today.getDayOfMonth() < day) {
                continue;
            }
            made += runOne(s, month) ? 1 : 0;
        }
        return made;
    }

    private boolean runOne(ExportSchedule s, YearMonth month) {
        Optional<Actor> owner = users.principal(s.owner()).filter(p -> p.isEnabled()).map(p -> p.actor());
        OrgUnit unit = orgUnits.require(s.unitCode());
        if (owner.isEmpty() || !owner.get().hasAny(Role.PLANNER, Role.ADMIN) || !owner.get().covers(unit)) {
            return false;
        }
        Optional<Period> period = dataValues.latestPeriod(unit);
        if (period.isEmpty()) {
            return false;
        }
        String csv = Csv.BOM + ComparisonRow.csv(engine.compareAll(unit, period.get()).stream()
                .map(ComparisonRow::of).toList());
        byte[] content = csv.getBytes(StandardCharsets.UTF_8);
        String fileName = "so-sanh-" + unit.code() + "-" + period.get().id() + ".csv";
        User user = users.require(s.owner());
        Boolean sent = transactions.execute(tx -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into export_file (schedule_id, owner_id, file_name, period, content, created_at)
                            values (:s, :owner, :name, :period, :content, :at)""")
                    .param("s", s.id()).param("owner", user.id()).param("name", fileName)
                    .param("period", period.get().id()).param("content", content)
                    .param("at", Instant.now().atOffset(ZoneOffset.UTC)).update(keys, "id");
            long fileId = keys.getKey().longValue();
            String title = "Bảng so sánh " + unit.name() + ", " + period.get().label() + " (tháng "
                    + String.format("%02d/%d", month.getMonthValue(), month.getYear()) + ")";
            String body = "Kính gửi " + user.displayName() + ",\n\nBảng so sánh các chỉ tiêu của " + unit.name() + " kỳ "
                    + period.get().label() + " (" + Numbers.vi().format(java.math.BigDecimal.valueOf(
                    csv.lines().count() - 1)) + " dòng) theo lịch xuất ngày " + s.dayOfMonth()
                    + " hằng tháng: tệp " + fileName + " đính kèm, cũng tải được tại đường dẫn dưới đây.";
            String link = "/account/notifications/files/" + fileId;
            Reminder r = new Reminder(user.id(), NotificationKind.SCHEDULED_EXPORT, "EXPORT_" + s.id(), unit,
                    month.toString(), "RUN", title, body, link);
            boolean delivered = notifications.deliver(r, new Notifications.Attachment(fileName, "text/csv", content));
            if (!delivered) {
                tx.setRollbackOnly();
            }
            return delivered;
        });
        return Boolean.TRUE.equals(sent);
    }

    private Optional<ExportSchedule> find(long id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(ExportSchedules::schedule).optional();
    }

    private static final String SELECT = """
            select s.id, u.username, o.code, o.name, s.day_of_month, s.created_at from export_schedule s
              join app_user u on u.id = s.owner_id join org_unit o on o.id = s.org_unit_id""";

    private static ExportSchedule schedule(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ExportSchedule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getTimestamp(6).toInstant());
    }
}
