package vn.kehoach.security.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.kehoach.security.ApiTokens;
import vn.kehoach.security.Users;

/**
 * Two chains: the REST API under /api (HTTP Basic or a personal token; CSRF only for cookie-borne sessions, so a
 * page's own scripts stay protected) and the pages (form login, CSRF on every form, a session that times out).
 * Everything needs a user, the OpenAPI description and Swagger UI too (they map every endpoint and parameter; a
 * partner system reads them with its token). Every response carries the Content-Security-Policy.
 */
@Configuration
class SecurityConfig {

    /** Argon2id for new hashes (Spring Security's recommended parameters); older ids still verify. */
    @Bean
    PasswordEncoder passwordEncoder() {
        var encoders = new java.util.HashMap<String, PasswordEncoder>();
        String id = "argon2@SpringSecurity_v5_8";
        encoders.put(id, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        DelegatingPasswordEncoder base = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(id, encoders);
        encoder.setDefaultPasswordEncoderForMatches(base);
        return encoder;
    }

    /** The filter chains exist only when a web server runs; the command line needs the encoder alone. */
    @Configuration
    @ConditionalOnWebApplication
    @EnableMethodSecurity
    static class Web {

        /**
         * Passwords are checked by the usual provider; after a right password the account's lock is read again
         * (it may have fallen while the hash was computed) and the failed count cleared in the same step, so a
         * locked account refuses the right password too.
         */
        @Bean
        DaoAuthenticationProvider passwordLogins(UserAccounts accounts, PasswordEncoder encoder, Users users) {
            DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts::load);
            provider.setPasswordEncoder(encoder);
            provider.setPostAuthenticationChecks(user -> {
                if (!users.acceptLogin(user.getUsername())) {
                    throw new LockedException("Tài khoản đang bị khóa tạm thời");
                }
            });
            return provider;
        }

        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
            // A write that rides on a session cookie (a page's own script, or another site's forged request) needs
            // the CSRF token, whatever other Authorization header it carries; only a request authenticated by its
            // own Basic or Bearer header (the session is then ignored, see HeaderCredentials) goes without. One
            // without any credentials is simply unauthenticated, a 401 rather than a 403.
            RequestMatcher cookieWrites = request -> !HttpMethod.GET.matches(request.getMethod())
                    && !HttpMethod.HEAD.matches(request.getMethod()) && !HttpMethod.OPTIONS.matches(request.getMethod())
                    && !HeaderCredentials.present(request) && request.getRequestedSessionId() != null;
            http.securityMatcher("/api/**")
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .httpBasic(b -> b.realmName("KeHoach"))
                    .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                            new RequestAttributeSecurityContextRepository(), new HeaderCredentials())))
                    .addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
                    .csrf(c -> c.requireCsrfProtectionMatcher(cookieWrites))
                    .headers(SecurityConfig::headers)
                    .exceptionHandling(e -> e.authenticationEntryPoint(
                            // sendError, not a bare status: the error page answers it as Vietnamese problem+json.
                            (request, response, failure) -> response.sendError(HttpStatus.UNAUTHORIZED.value())));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pages(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a
                            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                            .permitAll()
                            // Công khai: what a planner published, read without login (docs/publication.md).
                            .requestMatchers("/cong-khai", "/cong-khai/**").permitAll()
                            // The how-tos and their screenshots (docs/pages.md), for someone not signed in too.
                            .requestMatchers("/help", "/help/**").permitAll()
                            .requestMatchers("/admin/**").hasRole("ADMIN")
                            .anyRequest().authenticated())
                    .formLogin(f -> f.loginPage("/login").failureHandler(new LoginFailures()).permitAll())
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                    .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                    .headers(SecurityConfig::headers);
            return http.build();
        }
    }

    /**
     * Scripts only from this origin (our static/js and the WebJars; no inline script, no eval); styles may be
     * inline because htmx and ECharts set them; images also as data:/blob: URLs (chart exports); pages framed only
     * by themselves, forms posted only to themselves.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.frameOptions(f -> f.sameOrigin()).contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY));
    }
}
