package vn.kehoach.security.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.kehoach.security.ActorPrincipal;
import vn.kehoach.security.ApiTokens;

/**
 * Signs in a request that carries "Authorization: Bearer kh_…" as the token's owner; a bad token is a 401. The
 * lookup is one query; when no database connection frees up in time the answer is 503 with Retry-After, so that a
 * client backs off instead of the request hanging.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HeaderCredentials.bearer(request)) {
            Optional<ActorPrincipal> owner;
            try {
                owner = tokens.principal(request.getHeader("Authorization").substring(7).strip());
            } catch (DataAccessResourceFailureException e) {
                response.setHeader("Retry-After", "1");
                refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Máy chủ đang bận, vui lòng thử lại sau giây lát");
                return;
            }
            if (owner.isEmpty()) {
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Token không hợp lệ hoặc đã hết hạn");
                return;
            }
            ActorPrincipal user = owner.get();
            if (!user.isEnabled() || !user.isAccountNonLocked()) {
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Tài khoản đã bị khóa");
                return;
            }
            var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + message + "\"}");
    }
}
