package vn.kehoach.evidence.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.kehoach.evidence.Evidence;

/**
 * A download of an evidence file, the same from the pages and the API: always as an attachment (never shown inline, so
 * a file cannot run as a page of this site even if its type were misjudged), with the type detected at upload,
 * {@code nosniff} so the browser keeps to it, and a sandbox policy in case it is opened anyway. The name is sent as
 * RFC 6266/5987 {@code filename*} in UTF-8 for Vietnamese names, with an ASCII {@code filename} for old clients.
 */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(Evidence.Download d) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(d.attachment().fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(d.attachment().contentType()))
                .contentLength(d.content().length)
                .body(d.content());
    }

    /** {@code attachment; filename="Bien ban nghiem thu.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n…}. */
    static String disposition(String name) {
        String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
