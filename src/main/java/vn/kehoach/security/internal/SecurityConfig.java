package vn.kehoach.security.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.kehoach.security.ApiTokens;

/**
 * Two chains: the REST API under /api (HTTP Basic or a personal token; CSRF only for cookie-borne sessions, so a
 * page's own scripts stay protected) and the pages (form login, CSRF on every form, a session that times out).
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

        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserAccounts accounts) throws Exception {
            // A write that rides on a session cookie (a page's own script, or another site's forged request) needs
            // the CSRF token; one without any credentials is simply unauthenticated, a 401 rather than a 403.
            RequestMatcher cookieWrites = request -> !HttpMethod.GET.matches(request.getMethod())
                    && !HttpMethod.HEAD.matches(request.getMethod()) && !HttpMethod.OPTIONS.matches(request.getMethod())
                    && request.getHeader("Authorization") == null && request.getRequestedSessionId() != null;
            http.securityMatcher("/api/**")
                    .authorizeHttpRequests(a -> a
                            .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**").permitAll()
                            .anyRequest().authenticated())
                    .httpBasic(b -> b.realmName("KeHoach"))
                    .addFilterBefore(new ApiTokenFilter(tokens, accounts), BasicAuthenticationFilter.class)
                    .csrf(c -> c.requireCsrfProtectionMatcher(cookieWrites))
                    .exceptionHandling(e -> e.authenticationEntryPoint(
                            // sendError, not a bare status: the error page answers it as Vietnamese problem+json.
                            (request, response, failure) -> response.sendError(HttpStatus.UNAUTHORIZED.value())));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pages(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a
                            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                    "/swagger-ui.html", "/swagger-ui/**").permitAll()
                            .requestMatchers("/admin/**").hasRole("ADMIN")
                            .anyRequest().authenticated())
                    .formLogin(f -> f.loginPage("/login").failureHandler(new LoginFailures()).permitAll())
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                    .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                    .headers(h -> h.frameOptions(f -> f.sameOrigin()));
            return http.build();
        }
    }
}
