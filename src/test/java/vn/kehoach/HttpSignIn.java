package vn.kehoach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signing in over HTTP as a browser does: GET {@code /login}, take the form's CSRF token, POST the login form and
 * keep the session. Two ways to keep it: a client with a cookie store ({@link #signIn}, {@link #signedIn}), or the
 * {@code JSESSIONID} cookie itself, sent by hand in a {@code Cookie} header ({@link #sessionCookie}).
 */
public final class HttpSignIn {

    /** The token of a form's hidden field (not the {@code <meta name="_csrf" content=…>} of the layout). */
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private HttpSignIn() {
    }

    /** A browser-like client: keeps its cookies and follows redirects. */
    public static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A new {@link #browser()} signed in as {@code user} at {@code base} (e.g. {@code http://localhost:8080}). */
    public static HttpClient signedIn(String base, String user, String password) throws Exception {
        return signIn(browser(), base, user, password);
    }

    /**
     * Signs {@code client} (which must keep cookies) in as {@code user} and returns it; fails the test when the
     * sign-in is refused.
     */
    public static HttpClient signIn(HttpClient client, String base, String user, String password) throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertSignedIn(post(client, base, null, user, password, csrf(page)), user);
        return client;
    }

    /**
     * Signs in without a cookie store and returns the signed-in session's cookie ({@code JSESSIONID=…}) to send
     * in a {@code Cookie} header; {@code http} must not follow redirects.
     */
    public static String sessionCookie(HttpClient http, String base, String user, String password) throws Exception {
        LoginForm form = loginForm(http, base);
        HttpResponse<String> posted = postLogin(http, base, form, user, password);
        assertSignedIn(posted, user);
        // Signing in changes the session id (fixation protection): the new cookie is the signed-in session.
        return posted.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="))
                ? cookie(posted) : form.cookie();
    }

    /** A fresh session on the login page: its cookie and the form's CSRF token. */
    public record LoginForm(String cookie, String csrf) {
    }

    /** Opens the login page without a cookie: a new session and its form. */
    public static LoginForm loginForm(HttpClient http, String base) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new LoginForm(cookie(page), csrf(page.body()));
    }

    /** Posts the login form of a fresh session, whatever its answer (a refusal included). */
    public static HttpResponse<String> postLogin(HttpClient http, String base, String user, String password)
            throws Exception {
        return postLogin(http, base, loginForm(http, base), user, password);
    }

    /** Posts the login form of {@code form}'s session, whatever its answer (a refusal included). */
    public static HttpResponse<String> postLogin(HttpClient http, String base, LoginForm form, String user,
            String password) throws Exception {
        return post(http, base, form.cookie(), user, password, form.csrf());
    }

    /** The {@code JSESSIONID=…} pair of the answer's {@code Set-Cookie} headers. */
    public static String cookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** The CSRF token of the (first) form in {@code html}; fails the test when there is none. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in the page: %s", html).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> post(HttpClient http, String base, String cookie, String user, String password,
            String csrf) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
        return http.send(r.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Without redirects followed, a sign-in is a 302 to anywhere but {@code /login?error…}; with them, it ends
     * anywhere but on the login page.
     */
    private static void assertSignedIn(HttpResponse<String> r, String user) {
        String as = "signed in as " + user;
        if (r.statusCode() / 100 == 3) {
            assertThat(r.statusCode()).as(as).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(as).doesNotContain("error");
        } else {
            assertThat(r.uri().getPath()).as(as).isNotEqualTo("/login");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
