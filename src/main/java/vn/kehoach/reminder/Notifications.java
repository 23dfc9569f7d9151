package vn.kehoach.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Actors;
import vn.kehoach.security.User;
import vn.kehoach.security.Users;

/**
 * A user's notifications: what they chose to receive and where (their e-mail address, per kind in the application
 * and/or by e-mail), their in-app notifications, and the delivery of a reminder — once, in the application and by
 * e-mail through the configured SMTP server ({@code spring.mail.host}; without one, in the application only).
 */
@Service
public class Notifications {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final Users users;
    private final Actors actors;
    private final OrgUnits orgUnits;
    private final MetadataAudit audit;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String baseUrl;

    public Notifications(JdbcClient jdbc, Users users, Actors actors, OrgUnits orgUnits, MetadataAudit audit,
                         ObjectProvider<JavaMailSender> mail,
                         @Value("${kehoach.reminder.mail-from:KeHoach <kehoach@localhost>}") String from,
                         @Value("${kehoach.reminder.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.users = users;
        this.actors = actors;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A file sent with an e-mail (a scheduled export). */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** The signed-in user's choices: their address and how they receive each kind. */
    public record Choices(String email, List<Delivery> deliveries) {
    }

    /** Whether e-mail can be sent at all: an SMTP server is configured ({@code spring.mail.host}). */
    public boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    /** The signed-in user's choices. */
    public Choices choices() {
        User me = me();
        Map<NotificationKind, Delivery> chosen = deliveries(me.id());
        return new Choices(email(me.id()), List.copyOf(chosen.values()));
    }

    /**
     * Stores the signed-in user's choices; an address that is not one is refused naming the field. Audited under the
     * user, as a change of their account.
     */
    @Transactional
    public void choose(String email, List<Delivery> deliveries) {
        User me = me();
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (address.length() > 320 || !EMAIL.matcher(address).matches())) {
            throw new IllegalArgumentException("Địa chỉ e-mail '" + address + "' không hợp lệ (email)");
        }
        String before = describe(email(me.id()), deliveries(me.id()).values());
        jdbc.sql("delete from notification_contact where user_id = :u").param("u", me.id()).update();
        jdbc.sql("insert into notification_contact (user_id, email) values (:u, :email)").param("u", me.id())
                .param("email", address).update();
        jdbc.sql("delete from notification_preference where user_id = :u").param("u", me.id()).update();
        for (Delivery d : deliveries) {
            jdbc.sql("insert into notification_preference (user_id, kind, in_app, email) values (:u, :kind, :app, :mail)")
                    .param("u", me.id()).param("kind", d.kind().name()).param("app", d.inApp())
                    .param("mail", d.byEmail()).update();
        }
        String after = describe(address, deliveries(me.id()).values());
        if (!before.equals(after)) {
            Long unit = orgUnits.find(me.orgUnitCode()).map(u -> u.id()).orElse(null);
            audit.record(MetadataChange.of(Area.USER, "Đổi cách nhận thông báo", unit, me.username(), me.username(),
                    before, after).by(me.username()));
        }
    }

    /** The signed-in user's unread notifications, newest first (the home page's "Thông báo"). */
    public List<Notification> unread() {
        return list("and n.read_at is null", 50);
    }

    /** The signed-in user's latest notifications, read or not. */
    public List<Notification> recent() {
        return list("", 100);
    }

    /** Marks one of the signed-in user's notifications read; someone else's is not touched. */
    @Transactional
    public boolean markRead(long id) {
        return jdbc.sql("update notification set read_at = :at where id = :id and user_id = :u and read_at is null")
                .param("at", Instant.now().atOffset(ZoneOffset.UTC)).param("id", id).param("u", me().id())
                .update() == 1;
    }

    /**
     * Delivers the reminder unless it was already sent: records it in the sent-log (the unique key makes a second
     * node, or a second run, find it there and send nothing), then stores the in-app notification and sends the
     * e-mail, as the user chose. All or nothing: when the SMTP server refuses, nothing is recorded and the next run
     * tries again. Returns whether it was sent now.
     */
    @Transactional
    public boolean deliver(Reminder r, Attachment attachment) {
        Delivery how = deliveries(r.userId()).get(r.kind());
        String address = email(r.userId());
        JavaMailSender sender = mail.getIfAvailable();
        boolean byEmail = how.byEmail() && address != null && sender != null;
        if (!how.inApp() && !byEmail) {
            return false;
        }
        Instant now = Instant.now();
        try {
            int inserted = jdbc.sql("""
                            insert into reminder_sent (user_id, kind, subject, org_unit_id, period, threshold, sent_at)
                            values (:u, :kind, :subject, :unit, :period, :threshold, :at)
                            on conflict do nothing""")
                    .param("u", r.userId()).param("kind", r.kind().name()).param("subject", r.subject())
                    .param("unit", r.unit().id()).param("period", r.period()).param("threshold", r.threshold())
                    .param("at", now.atOffset(ZoneOffset.UTC)).update();
            if (inserted == 0) {
                return false;
            }
        } catch (DuplicateKeyException e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return false;
        }
        if (how.inApp()) {
            jdbc.sql("""
                            insert into notification (user_id, kind, subject, body, link, created_at)
                            values (:u, :kind, :subject, :body, :link, :at)""")
                    .param("u", r.userId()).param("kind", r.kind().name()).param("subject", cut(r.title(), 500))
                    .param("body", cut(r.body(), 4000)).param("link", r.link()).param("at", now.atOffset(ZoneOffset.UTC))
                    .update();
        }
        if (byEmail) {
            send(sender, address, r, attachment);
        }
        return true;
    }

    private void send(JavaMailSender sender, String to, Reminder r, Attachment attachment) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper m = new MimeMessageHelper(message, attachment != null, "UTF-8");
            m.setFrom(from);
            m.setTo(to);
            m.setSubject(r.title());
            m.setText(r.body() + (r.link() == null ? "" : "\n\n" + baseUrl + r.link()) + "\n\n-- \nKeHoach. Đổi cách nhận thông báo: "
                    + "Tài khoản › Thông báo.");
            if (attachment != null) {
                m.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new IllegalStateException("Không gửi được e-mail tới " + to + ": " + e.getMessage(), e);
        }
    }

    private List<Notification> list(String filter, int limit) {
        // A page drawn for someone without an account (the system, a test's mock user) has no notifications.
        var me = users.find(actors.current().username());
        if (me.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select n.id, n.kind, n.subject, n.body, n.link, n.created_at, n.read_at from notification n
                         where n.user_id = :u\s""" + filter + " order by n.created_at desc, n.id desc limit " + limit)
                .param("u", me.get().id()).query(Notifications::notification).list();
    }

    private Map<NotificationKind, Delivery> deliveries(long userId) {
        Map<NotificationKind, Delivery> out = new EnumMap<>(NotificationKind.class);
        for (NotificationKind k : NotificationKind.values()) {
            out.put(k, Delivery.both(k));
        }
        jdbc.sql("select kind, in_app, email from notification_preference where user_id = :u").param("u", userId)
                .query((rs, n) -> new Delivery(NotificationKind.valueOf(rs.getString(1)), rs.getBoolean(2),
                        rs.getBoolean(3))).list().forEach(d -> out.put(d.kind(), d));
        return out;
    }

    /** The user's e-mail address, or null. */
    public String email(long userId) {
        return jdbc.sql("select email from notification_contact where user_id = :u").param("u", userId)
                .query(String.class).optional().orElse(null);
    }

    private User me() {
        return users.require(actors.current().username());
    }

    private static String describe(String email, Iterable<Delivery> deliveries) {
        List<String> parts = new ArrayList<>();
        parts.add("e-mail " + (email == null ? "(không có)" : email));
        for (Delivery d : deliveries) {
            parts.add(d.kind().label() + ": " + (d.none() ? "không nhận"
                    : (d.inApp() ? "trong ứng dụng" : "") + (d.inApp() && d.byEmail() ? ", " : "")
                    + (d.byEmail() ? "e-mail" : "")));
        }
        return String.join("; ", parts);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
