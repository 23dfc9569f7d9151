package vn.kehoach.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One time zone: every time printed for a person is in the configured zone (Asia/Ho_Chi_Minh by default), whatever
 * the server's own zone; no source reads the JVM's default zone or builds a zone of its own.
 */
class TimeZoneTest {

    @Test
    void aDocumentsTimePrintsInVietnamTimeWhenTheServerRunsInUtc() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Instant saved = Instant.parse("2026-12-05T21:54:00Z");
            assertThat(Numbers.VIETNAM.getRules().getOffset(saved).toString()).isEqualTo("+07:00");
            assertThat(Numbers.vi().dateTime(saved)).isEqualTo("06/12/2026 04:54");
            assertThat(Numbers.vi().signedTime(saved)).isEqualTo("06/12/2026 04:54:00 +07:00");
            assertThat(Numbers.now().getOffset().toString()).isEqualTo("+07:00");
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void noSourcePrintsTimesInTheServersZone() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("vn/kehoach/format/Numbers.java")))
                    .filter(f -> {
                        try {
                            String s = Files.readString(f);
                            return s.contains("ZoneId.systemDefault") || s.contains("LocalDateTime.now()")
                                    || s.contains("\"Asia/Ho_Chi_Minh\"") || s.contains("TimeZone.getDefault");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
