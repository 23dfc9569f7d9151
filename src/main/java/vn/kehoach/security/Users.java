package vn.kehoach.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
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
    private final Guard guard;
    private final Actors actors;
    private final MetadataAudit metadata;

    public Users(JdbcClient jdbc, OrgUnits orgUnits, PasswordEncoder encoder, Guard guard, Actors actors,
                 MetadataAudit metadata) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.encoder = encoder;
        this.guard = guard;
        this.actors = actors;
        this.metadata = metadata;
    }

    /**
     * Refuses to let the current actor manage the account: an administrator manages the users of their subtree;
     * anyone may change their own password and tokens ({@code ownAllowed}).
     */
    void checkMayManage(User u, boolean ownAllowed) {
        if (ownAllowed && u.username().equals(actors.current().username())) {
            return;
        }
        guard.checkWrite(Resource.USER, orgUnits.require(u.orgUnitCode()).place());
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
        guard.checkWrite(Resource.USER, unit.place());
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
        checkMayManage(u, false);
        guard.checkWrite(Resource.USER, unit.place());
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
        checkMayManage(u, true);
        jdbc.sql("update app_user set password_hash = :hash, failed_attempts = 0, locked_until = null where id = :id")
                .param("hash", encoder.encode(password)).param("id", u.id()).update();
        audit(u.username(), "PASSWORD", null, by);
    }

    @Transactional
    public void setEnabled(String username, boolean enabled, String by) {
        User u = require(username);
        checkMayManage(u, false);
        jdbc.sql("update app_user set enabled = :enabled where id = :id").param("enabled", enabled).param("id", u.id())
                .update();
        audit(u.username(), enabled ? "ENABLE" : "DISABLE", null, by);
    }

    @Transactional
    public void unlock(String username, String by) {
        User u = require(username);
        checkMayManage(u, false);
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = :id").param("id", u.id()).update();
        audit(u.username(), "UNLOCK", null, by);
    }

    /**
     * Counts a failed login in one statement, so that simultaneous wrong passwords each count and none undoes
     * another's lock: the fifth in a row locks the account for {@link #LOCKOUT}; a failure while locked (one that
     * was already being checked when the lock fell) leaves the lock as it is; after an expired lock the count
     * starts again. The row stays locked by the update until commit, so the count read back is this attempt's.
     */
    @Transactional
    public void recordFailedLogin(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        Instant now = Instant.now();
        int updated = jdbc.sql("""
                        update app_user
                           set failed_attempts = case when locked_until <= :now then 1 else failed_attempts + 1 end,
                               locked_until = case when locked_until > :now then locked_until
                                                   when (case when locked_until <= :now then 1 else failed_attempts + 1 end) >= :max
                                                        then :until
                                                   else null end
                         where username = :u""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("max", MAX_FAILED_LOGINS)
                .param("until", now.plus(LOCKOUT).atOffset(ZoneOffset.UTC)).param("u", name).update();
        if (updated == 0) {
            return;
        }
        int failed = jdbc.sql("select failed_attempts from app_user where username = :u").param("u", name)
                .query(Integer.class).single();
        if (failed == MAX_FAILED_LOGINS) {
            audit(name, "LOCK", MAX_FAILED_LOGINS + " lần đăng nhập sai liên tiếp", "system");
        }
    }

    /**
     * Called after a right password, before the login is accepted: false while the account is locked (the lock may
     * have fallen while the password was being checked), otherwise clears the count of failed logins and returns
     * true. The reset only touches a row that has something to reset, so a signed-in API client writes nothing.
     */
    public boolean acceptLogin(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        update app_user set failed_attempts = 0, locked_until = null
                         where username = :u and (failed_attempts > 0 or locked_until is not null)
                           and (locked_until is null or locked_until <= :now)""")
                .param("u", name).param("now", now).update();
        return jdbc.sql("select count(*) from app_user where username = :u and locked_until > :now")
                .param("u", name).param("now", now).query(Integer.class).single() == 0;
    }

    public Optional<User> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where u.username = :u").param("u", username.strip().toLowerCase())
                .query(Users::users).stream().findFirst();
    }

    public User require(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException("Không có người dùng '" + username + "'"));
    }

    /** Users whose unit lies in the subtree of {@code scope}, by username. */
    public List<User> list(OrgUnit scope) {
        guard.checkRead(Resource.USER, scope.place());
        return jdbc.sql(SELECT + " where o.path like :prefix order by u.username, r.role").param("prefix", scope.path() + "%")
                .query(Users::users);
    }

    public int count() {
        return jdbc.sql("select count(*) from app_user").query(Integer.class).single();
    }

    /**
     * The stored hash and the actor behind a username, for the login check: one query (roles joined), so that a
     * login holds one connection at a time.
     */
    public Optional<ActorPrincipal> principal(String username) {
        return jdbc.sql("""
                        select u.username, u.display_name, u.password_hash, u.enabled, u.locked_until,
                               o.code, o.name, o.path, r.role
                          from app_user u join org_unit o on o.id = u.org_unit_id
                          left join app_user_role r on r.user_id = u.id
                         where u.username = :u""")
                .param("u", username == null ? "" : username.strip().toLowerCase())
                .query(rs -> rs.next() ? Optional.of(principal(rs, rs.getString("password_hash"))) : Optional.<ActorPrincipal>empty());
    }

    /**
     * The principal of the rows the cursor stands on: one row per role of one user (columns username,
     * display_name, enabled, locked_until, code, name, path, role); leaves the cursor after the last of them.
     */
    static ActorPrincipal principal(ResultSet rs, String passwordHash) throws SQLException {
        String username = rs.getString("username");
        String displayName = rs.getString("display_name");
        boolean enabled = rs.getBoolean("enabled");
        Timestamp until = rs.getTimestamp("locked_until");
        String code = rs.getString("code");
        String unitName = rs.getString("name");
        String path = rs.getString("path");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        do {
            String role = rs.getString("role");
            if (role != null) {
                roles.add(Role.valueOf(role));
            }
        } while (rs.next());
        return new ActorPrincipal(new Actor(username, displayName, roles, code, unitName, path), passwordHash, enabled,
                until != null && until.toInstant().isAfter(Instant.now()));
    }

    // Roles are joined, one row per role, so that reading users never opens a second connection inside a query.
    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.enabled, u.failed_attempts, u.locked_until, u.created_at,
                   o.code, o.name, r.role
              from app_user u join org_unit o on o.id = u.org_unit_id
              left join app_user_role r on r.user_id = u.id""";

    private static List<User> users(ResultSet rs) throws SQLException {
        List<User> users = new ArrayList<>();
        Map<Long, Set<Role>> roles = new HashMap<>();
        while (rs.next()) {
            long id = rs.getLong("id");
            Set<Role> own = roles.get(id);
            if (own == null) {
                own = EnumSet.noneOf(Role.class);
                roles.put(id, own);
                Timestamp until = rs.getTimestamp("locked_until");
                users.add(new User(id, rs.getString("username"), rs.getString("display_name"), own, rs.getString("code"),
                        rs.getString("name"), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                        until == null ? null : until.toInstant(), rs.getTimestamp("created_at").toInstant()));
            }
            String role = rs.getString("role");
            if (role != null) {
                own.add(Role.valueOf(role));
            }
        }
        return users;
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
