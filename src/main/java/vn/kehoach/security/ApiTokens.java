package vn.kehoach.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: "Authorization: Bearer kh_…". The token is shown once when issued; only its SHA-256 is
 * stored, so a leaked database does not leak tokens.
 */
@Service
public class ApiTokens {

    /** A token as its owner sees it in the list (never the token itself). */
    public record TokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    /** How stale a token's "last used" may be: it is written at most this often. */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Users users;

    public ApiTokens(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** Issues a token for the user and returns it; it cannot be shown again. */
    @Transactional
    public String issue(String username, String name, Instant expiresAt, String by) {
        User u = users.require(username);
        users.checkMayManage(u, true);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("token cần một tên để nhận ra (ví dụ: 'đồng bộ tỉnh')");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "kh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into api_token (user_id, name, token_hash, created_at, expires_at)
                values (:user, :name, :hash, :at, :expires)""")
                .param("user", u.id()).param("name", name.strip()).param("hash", hash(token))
                .param("at", Instant.now().atOffset(ZoneOffset.UTC))
                .param("expires", expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC)).update();
        users.audit(u.username(), "TOKEN", "cấp token '" + name.strip() + "'", by);
        return token;
    }

    public List<TokenInfo> list(String username) {
        User u = users.require(username);
        users.checkMayManage(u, true);
        return jdbc.sql("select id, name, created_at, expires_at, last_used_at from api_token where user_id = :u order by id")
                .param("u", u.id()).query((rs, i) -> new TokenInfo(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)))).list();
    }

    @Transactional
    public void revoke(String username, long tokenId, String by) {
        User u = users.require(username);
        users.checkMayManage(u, true);
        int n = jdbc.sql("delete from api_token where id = :id and user_id = :u").param("id", tokenId).param("u", u.id()).update();
        if (n == 0) {
            throw new IllegalArgumentException("không có token số " + tokenId + " của " + username);
        }
        users.audit(u.username(), "TOKEN_REVOKE", "token số " + tokenId, by);
    }

    /**
     * The owner of a valid (unexpired) token, ready to act: one query returns the token, its owner, unit and roles,
     * so that a token request holds one connection at a time and no transaction. {@code last_used_at} is written
     * afterwards, and at most once per {@link #LAST_USED_PRECISION} per token, so that busy clients do not turn every
     * read into a write.
     */
    public Optional<ActorPrincipal> principal(String token) {
        if (token == null || !token.startsWith("kh_")) {
            return Optional.empty();
        }
        record Found(long tokenId, Instant lastUsedAt, ActorPrincipal principal) {
        }
        Instant now = Instant.now();
        Optional<Found> found = jdbc.sql("""
                        select t.id as token_id, t.last_used_at, u.username, u.display_name, u.enabled, u.locked_until,
                               o.code, o.name, o.path, r.role
                          from api_token t join app_user u on u.id = t.user_id
                          join org_unit o on o.id = u.org_unit_id
                          left join app_user_role r on r.user_id = u.id
                         where t.token_hash = :h and (t.expires_at is null or t.expires_at > :now)""")
                .param("h", hash(token)).param("now", now.atOffset(ZoneOffset.UTC))
                .query(rs -> rs.next()
                        ? Optional.of(new Found(rs.getLong("token_id"), instant(rs.getTimestamp("last_used_at")),
                                Users.principal(rs, null)))
                        : Optional.<Found>empty());
        found.filter(f -> f.lastUsedAt() == null || f.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION)))
                .ifPresent(f -> jdbc.sql("update api_token set last_used_at = :now where id = :id")
                        .param("now", now.atOffset(ZoneOffset.UTC)).param("id", f.tokenId()).update());
        return found.map(Found::principal);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
