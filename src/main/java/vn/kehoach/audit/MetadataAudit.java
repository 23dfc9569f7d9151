package vn.kehoach.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Keeps the trail of metadata (documents, settings, catalog, forms, rules, org units, definitions, projects, tasks,
 * users, tokens) in one table: who, when, through which channel and from which address, old → new. A module calls
 * {@link #record} right after its write, in the same transaction, so a refused write leaves no trace and a stored one
 * always has its record. Who and from where come from the current request when the caller does not say.
 */
@Service
public class MetadataAudit {

    /** Values longer than this are cut: the trail is for reading who changed what, not for restoring whole texts. */
    static final int MAX_VALUE = 1000;

    /** The channel and user of work that said who it is for every change inside it (an import). */
    private record Channel(Source source, String user) {
    }

    private static final ThreadLocal<Channel> CHANNEL = new ThreadLocal<>();

    private final JdbcClient jdbc;

    public MetadataAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs work whose metadata changes all come through this channel and user (null: the signed-in user): an import
     * writes the catalog through the catalog's own service, which cannot know it is an import.
     */
    public <T> T during(Source source, String user, Supplier<T> work) {
        Channel outer = CHANNEL.get();
        CHANNEL.set(new Channel(source, user));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CHANNEL.remove();
            } else {
                CHANNEL.set(outer);
            }
        }
    }

    /** Stores the change; a change whose old and new value are the same is not one, and is skipped. */
    public void record(MetadataChange c) {
        if (c.oldValue() != null && Objects.equals(c.oldValue(), c.newValue())) {
            return;
        }
        HttpServletRequest request = request();
        Channel channel = CHANNEL.get();
        Source source = c.source() != null ? c.source() : channel != null && channel.source() != null ? channel.source()
                : request == null ? Source.CLI : request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? Source.API : Source.UI;
        jdbc.sql("""
                insert into metadata_audit (area, action, org_unit_id, period, subject_code, subject_name, old_value,
                       new_value, changed_by, changed_at, source, client_address)
                values (:area, :action, :unit, :period, :code, :name, :old, :new, :by, :at, :source, :client)""")
                .param("area", c.area().name()).param("action", cut(c.action(), 60)).param("unit", c.orgUnitId())
                .param("period", c.period()).param("code", cut(c.subjectCode(), 100)).param("name", cut(c.subjectName(), 500))
                .param("old", cut(c.oldValue(), MAX_VALUE)).param("new", cut(c.newValue(), MAX_VALUE))
                .param("by", c.username() != null ? c.username()
                        : channel != null && channel.user() != null ? channel.user() : currentUser())
                .param("at", Instant.now().atOffset(ZoneOffset.UTC)).param("source", source.name())
                .param("client", request == null ? null : cut(request.getRemoteAddr(), 64)).update();
    }

    /** The signed-in user's name, or "system" outside any sign-in (the command line, the demo loader). */
    static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s ? s.getRequest() : null;
    }

    /** Abbreviates a long value with an ellipsis, so the reader sees it was cut. */
    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }
}
