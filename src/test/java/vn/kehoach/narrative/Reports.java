package vn.kehoach.narrative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Report texts kept for tests in src/test/resources/reports: the seed and reports of other districts. */
public final class Reports {

    private Reports() {
    }

    public static String text(String name) {
        try (InputStream in = Reports.class.getResourceAsStream("/reports/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test report " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
