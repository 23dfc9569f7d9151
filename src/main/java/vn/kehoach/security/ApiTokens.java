package vn.kehoach.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
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

    /** The username that owns a valid (unexpired) token. */
    @Transactional
    public Optional<String> owner(String token) {
        if (token == null || !token.startsWith("kh_")) {
            return Optional.empty();
        }
        String h = hash(token);
        Optional<String> owner = jdbc.sql("""
                        select u.username from api_token t join app_user u on u.id = t.user_id
                         where t.token_hash = :h and (t.expires_at is null or t.expires_at > :now)""")
                .param("h", h).param("now", Instant.now().atOffset(ZoneOffset.UTC)).query(String.class).optional();
        owner.ifPresent(o -> jdbc.sql("update api_token set last_used_at = :now where token_hash = :h")
                .param("now", Instant.now().atOffset(ZoneOffset.UTC)).param("h", h).update());
        return owner;
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
