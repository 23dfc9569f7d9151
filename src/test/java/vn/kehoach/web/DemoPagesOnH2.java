package vn.kehoach.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import vn.kehoach.HttpSignIn;
import vn.kehoach.SharedDemoOnH2;

/**
 * The demo district on H2 behind a real port, shared by the page tests of issue 17 ({@link SharedDemoOnH2}: one
 * Spring context for {@link EnglishPagesTest}, {@link CsvDownloadsTest} and the browser walks): signed-in HTTP
 * sessions with the login form and its token.
 */
abstract class DemoPagesOnH2 extends SharedDemoOnH2 {

    /** A browser-like session: cookies kept, signed in through the form. */
    final class Session {
        final HttpClient http = HttpSignIn.browser();

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
        HttpSignIn.signIn(s.http, "http://localhost:" + port, user, "demo");
        return s;
    }
}
