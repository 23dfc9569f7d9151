package vn.kehoach.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;

/** User accounts: creation, roles and scope, passwords, lockout. Every change is kept in the security audit. */
@Service
public class Users {

    /** Failed logins in a row that lock an account (khóa tạm thời). */
    public static final int MAX_FAILED_LOGINS = 5;
    /** How long a locked account stays locked. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    private static final int MIN_PASSWORD = 8;

    private final JdbcClient jdbc;
    private final OrgUnits orgUnits;
    private final PasswordEncoder encoder;
    private final MetadataAudit metadata;

    public Users(JdbcClient jdbc, OrgUnits orgUnits, PasswordEncoder encoder, MetadataAudit metadata) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.encoder = encoder;
        this.metadata = metadata;
    }

    /** Creates a user; the password must have at least 8 characters. */
    @Transactional
    public User create(String username, String password, String displayName, Set<Role> roles, String orgUnitCode,
                       String by) {
        checkPassword(password);
        return insert(username, encoder.encode(password), displayName, roles, orgUnitCode, by);
    }

    /**
     * Creates or resets a demo user with an already encoded password (the demo's "demo"), so that many demo
     * users cost one hash. Only the demo uses this.
     */
    @Transactional
    public User createOrResetDemoUser(String username, String encodedPassword, String displayName, Set<Role> roles,
                                      String orgUnitCode, String by) {
        Optional<User> existing = find(username);
        if (existing.isEmpty()) {
            return insert(username, encodedPassword, displayName, roles, orgUnitCode, by);
        }
        jdbc.sql("update app_user set password_hash = :hash, enabled = true, failed_attempts = 0, locked_until = null where id = :id")
                .param("hash", encodedPassword).param("id", existing.get().id()).update();
        update(username, displayName, roles, orgUnitCode, by);
        return find(username).orElseThrow();
    }

    public String encode(String password) {
        return encoder.encode(password);
    }

    private User insert(String username, String hash, String displayName, Set<Role> roles, String orgUnitCode,
                        String by) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tên đăng nhập '" + username
                    + "' không hợp lệ: chữ thường không dấu, số, '.', '_' hoặc '-', từ 2 ký tự");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("tên đăng nhập '" + name + "' đã có");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("người dùng '" + name + "' cần ít nhất một vai trò");
        }
        OrgUnit unit = orgUnits.require(orgUnitCode);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, org_unit_id, enabled, failed_attempts,
                       created_at, created_by)
                values (:username, :hash, :display, :unit, true, 0, :at, :by)""")
                .param("username", name).param("hash", hash)
                .param("display", displayName == null || displayName.isBlank() ? name : displayName.strip())
                .param("unit", unit.id()).param("at", Instant.now().atOffset(ZoneOffset.UTC)).param("by", by)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        setRoles(id, roles);
        audit(name, "CREATE", "vai trò " + sorted(roles) + ", đơn vị " + unit.code(), by);
        return find(name).orElseThrow();
    }

    /** Changes a user's name, roles and org unit. */
    @Transactional
    public User update(String username, String displayName, Set<Role> roles, String orgUnitCode, String by) {
        User u = require(username);
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("người dùng '" + username + "' cần ít nhất một vai trò");
        }
        OrgUnit unit = orgUnits.require(orgUnitCode);
        jdbc.sql("update app_user set display_name = :display, org_unit_id = :unit where id = :id")
                .param("display", displayName == null || displayName.isBlank() ? u.displayName() : displayName.strip())
                .param("unit", unit.id()).param("id", u.id()).update();
        setRoles(u.id(), roles);
        if (!u.roles().equals(roles) || !unit.code().equals(u.orgUnitCode())) {
            audit(u.username(), "UPDATE", "vai trò " + sorted(u.roles()) + " → " + sorted(roles) + ", đơn vị "
                    + u.orgUnitCode() + " → " + unit.code(), "vai trò " + sorted(u.roles()) + ", đơn vị "
                    + u.orgUnitCode(), "vai trò " + sorted(roles) + ", đơn vị " + unit.code(), by);
        }
        return require(username);
    }

    @Transactional
    public void changePassword(String username, String password, String by) {
        checkPassword(password);
        User u = require(username);
        jdbc.sql("update app_user set password_hash = :hash, failed_attempts = 0, locked_until = null where id = :id")
                .param("hash", encoder.encode(password)).param("id", u.id()).update();
        audit(u.username(), "PASSWORD", null, by);
    }

    @Transactional
    public void setEnabled(String username, boolean enabled, String by) {
        User u = require(username);
        jdbc.sql("update app_user set enabled = :enabled where id = :id").param("enabled", enabled).param("id", u.id())
                .update();
        audit(u.username(), enabled ? "ENABLE" : "DISABLE", null, by);
    }

    @Transactional
    public void unlock(String username, String by) {
        User u = require(username);
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = :id").param("id", u.id()).update();
        audit(u.username(), "UNLOCK", null, by);
    }

    /** Counts a failed login; the fifth in a row locks the account for {@link #LOCKOUT}. */
    @Transactional
    public void recordFailedLogin(String username) {
        find(username).ifPresent(u -> {
            int failed = u.failedAttempts() + 1;
            Instant lockedUntil = failed >= MAX_FAILED_LOGINS ? Instant.now().plus(LOCKOUT) : null;
            jdbc.sql("update app_user set failed_attempts = :failed, locked_until = :until where id = :id")
                    .param("failed", lockedUntil == null ? failed : 0)
                    .param("until", lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC))
                    .param("id", u.id()).update();
            if (lockedUntil != null) {
                audit(u.username(), "LOCK", MAX_FAILED_LOGINS + " lần đăng nhập sai liên tiếp", "system");
            }
        });
    }

    @Transactional
    public void recordSuccessfulLogin(String username) {
        jdbc.sql("update app_user set failed_attempts = 0 where username = :u and failed_attempts > 0")
                .param("u", username).update();
    }

    public Optional<User> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where u.username = :u").param("u", username.strip().toLowerCase())
                .query(this::map).optional();
    }

    public User require(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException("Không có người dùng '" + username + "'"));
    }

    /** Users whose unit lies in the subtree of {@code scope}, by username. */
    public List<User> list(OrgUnit scope) {
        return jdbc.sql(SELECT + " where o.path like :prefix order by u.username").param("prefix", scope.path() + "%")
                .query(this::map).list();
    }

    public int count() {
        return jdbc.sql("select count(*) from app_user").query(Integer.class).single();
    }

    /** The stored hash and the actor behind a username, for the login check. */
    public Optional<ActorPrincipal> principal(String username) {
        return jdbc.sql("""
                        select u.username, u.display_name, u.password_hash, u.enabled, u.locked_until, u.id,
                               o.code, o.name, o.path
                          from app_user u join org_unit o on o.id = u.org_unit_id where u.username = :u""")
                .param("u", username == null ? "" : username.strip().toLowerCase())
                .query((rs, i) -> {
                    Timestamp until = rs.getTimestamp("locked_until");
                    Actor actor = new Actor(rs.getString("username"), rs.getString("display_name"),
                            roles(rs.getLong("id")), rs.getString("code"), rs.getString("name"), rs.getString("path"));
                    return new ActorPrincipal(actor, rs.getString("password_hash"), rs.getBoolean("enabled"),
                            until != null && until.toInstant().isAfter(Instant.now()));
                }).optional();
    }

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.enabled, u.failed_attempts, u.locked_until, u.created_at,
                   o.code, o.name
              from app_user u join org_unit o on o.id = u.org_unit_id""";

    private User map(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("locked_until");
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), roles(rs.getLong("id")),
                rs.getString("code"), rs.getString("name"), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                until == null ? null : until.toInstant(), rs.getTimestamp("created_at").toInstant());
    }

    private Set<Role> roles(long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from app_user_role where user_id = :id").param("id", userId).query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    private void setRoles(long userId, Set<Role> roles) {
        jdbc.sql("delete from app_user_role where user_id = :id").param("id", userId).update();
        for (Role r : roles) {
            jdbc.sql("insert into app_user_role (user_id, role) values (:id, :role)").param("id", userId)
                    .param("role", r.name()).update();
        }
    }

    private static Set<String> sorted(Set<Role> roles) {
        Set<String> s = new LinkedHashSet<>();
        roles.stream().map(Enum::name).sorted().forEach(s::add);
        return s;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("mật khẩu phải có ít nhất " + MIN_PASSWORD + " ký tự");
        }
    }

    void audit(String username, String action, String detail, String by) {
        audit(username, action, detail, null, detail, by);
    }

    /**
     * Keeps the change in the security audit and in the metadata trail, under the user's unit (so only those who
     * see the unit see its users' changes), with the state before and after when there is one.
     */
    void audit(String username, String action, String detail, String before, String after, String by) {
        String label = switch (action) {
            case "CREATE" -> "Tạo người dùng";
            case "UPDATE" -> "Đổi vai trò, đơn vị";
            case "PASSWORD" -> "Đổi mật khẩu";
            case "ENABLE" -> "Mở tài khoản";
            case "DISABLE" -> "Khóa tài khoản";
            case "UNLOCK" -> "Mở khóa đăng nhập";
            case "LOCK" -> "Khóa tạm thời";
            case "TOKEN" -> "Cấp token";
            case "TOKEN_REVOKE" -> "Thu hồi token";
            default -> action;
        };
        Long unit = jdbc.sql("select org_unit_id from app_user where username = :u").param("u", username)
                .query(Long.class).optional().orElse(null);
        metadata.record(MetadataChange.of(action.startsWith("TOKEN") ? Area.TOKEN : Area.USER, label, unit, username,
                username, before, after).by(by));
        jdbc.sql("""
                insert into security_audit (username, action, detail, changed_by, changed_at)
                values (:u, :action, :detail, :by, :at)""")
                .param("u", username).param("action", action).param("detail", detail).param("by", by)
                .param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
    }
}
