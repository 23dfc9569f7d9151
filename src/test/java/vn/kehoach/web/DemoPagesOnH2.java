package vn.kehoach.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.kehoach.SharedDemoOnH2;

/**
 * The demo district on H2 behind a real port, shared by the page tests of issue 17 ({@link SharedDemoOnH2}: one
 * Spring context for {@link EnglishPagesTest}, {@link CsvDownloadsTest} and the browser walks): signed-in HTTP
 * sessions with the login form and its token.
 */
abstract class DemoPagesOnH2 extends SharedDemoOnH2 {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A browser-like session: cookies kept, signed in through the form. */
    final class Session {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    Session signIn(String user) throws Exception {
        Session s = new Session();
        String page = s.get("/login").body();
        Matcher m = CSRF.matcher(page);
        String token = m.find() ? m.group(1) : "";
        String form = "username=" + user + "&password=demo&_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("sign-in of " + user + " refused: " + r.uri());
        }
        return s;
    }
}
