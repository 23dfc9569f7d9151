package vn.kehoach.publication.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import jakarta.servlet.http.HttpServletResponse;
import vn.kehoach.format.Numbers;
import vn.kehoach.publication.Publication;
import vn.kehoach.publication.PublicationException;
import vn.kehoach.publication.PublicationKind;
import vn.kehoach.publication.Publications;
import vn.kehoach.publication.PublishedFile;

/**
 * The public pages (công khai), read without logging in: the units that published and the newest publications, a
 * unit's publications by year, a year's plan PDF with its hash and date, its targets table and budget forms, the
 * files (ETag = the SHA-256, cacheable) and the Atom feeds. Anything not published answers 404 — never a login page
 * that would reveal it exists.
 */
@Controller
class PublicPages {

    /** How long a browser or proxy may keep a page: a withdrawal shows within this. */
    static final CacheControl PAGE_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    /** A file's bytes never change under its hash; a withdrawn one may stay in caches this long. */
    static final CacheControl FILE_CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    /** A publication as the pages list it. */
    record Item(Publication p, String when, String page, String file, String size) {
    }

    private final Publications publications;

    PublicPages(Publications publications) {
        this.publications = publications;
    }

    static String yearPath(String unit, int year) {
        return "/cong-khai/" + UriUtils.encodePathSegment(unit, StandardCharsets.UTF_8) + "/" + year;
    }

    static String filePath(Publication p) {
        return "/cong-khai/tep/" + p.id() + "/" + UriUtils.encodePathSegment(p.fileName(), StandardCharsets.UTF_8);
    }

    static Item item(Publication p) {
        return new Item(p, Numbers.vi().dateTime(p.publishedAt()), yearPath(p.unitCode(), p.year()), filePath(p),
                Numbers.vi().format(java.math.BigDecimal.valueOf(p.size()).divide(java.math.BigDecimal.valueOf(1024),
                        0, java.math.RoundingMode.UP)) + " KB");
    }

    @GetMapping("/cong-khai")
    String index(Model model, HttpServletResponse response) {
        List<Publication> latest = publications.published(null, 50);
        Map<String, String> units = new TreeMap<>();
        latest.forEach(p -> units.putIfAbsent(p.unitCode(), p.unitName()));
        model.addAttribute("units", units);
        model.addAttribute("latest", latest.stream().map(PublicPages::item).toList());
        response.setHeader(HttpHeaders.CACHE_CONTROL, PAGE_CACHE.getHeaderValue());
        return "publication/index";
    }

    @GetMapping("/cong-khai/{unit}")
    String unit(@PathVariable String unit, Model model, HttpServletResponse response) {
        List<Publication> all = publications.published(unit.strip().toUpperCase(), 500);
        if (all.isEmpty()) {
            throw PublicationException.notPublished(unit);
        }
        Map<Integer, List<Item>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        all.forEach(p -> byYear.computeIfAbsent(p.year(), y -> new ArrayList<>()).add(item(p)));
        model.addAttribute("unitCode", all.get(0).unitCode());
        model.addAttribute("unitName", all.get(0).unitName());
        model.addAttribute("years", byYear);
        response.setHeader(HttpHeaders.CACHE_CONTROL, PAGE_CACHE.getHeaderValue());
        return "publication/unit";
    }

    @GetMapping("/cong-khai/{unit}/{year:\\d{4}}")
    String year(@PathVariable String unit, @PathVariable int year, Model model, HttpServletResponse response) {
        Map<PublicationKind, Publication> published = publications.publishedYear(unit.strip().toUpperCase(), year);
        Publication any = published.values().iterator().next();
        Map<String, Item> items = new LinkedHashMap<>();
        published.forEach((k, p) -> items.put(k.name(), item(p)));
        model.addAttribute("unitCode", any.unitCode());
        model.addAttribute("unitName", any.unitName());
        model.addAttribute("year", year);
        model.addAttribute("items", items);
        if (published.containsKey(PublicationKind.TARGETS)) {
            model.addAttribute("targets", publications.targetSnapshot(published.get(PublicationKind.TARGETS)));
        }
        if (published.containsKey(PublicationKind.BUDGET)) {
            model.addAttribute("budget", publications.budgetDisclosure(published.get(PublicationKind.BUDGET)));
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, PAGE_CACHE.getHeaderValue());
        return "publication/year";
    }

    @GetMapping("/cong-khai/tep/{id:\\d+}/{name}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String name,
                                @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        PublishedFile f = publications.file(id);
        Publication p = f.publication();
        if (!p.fileName().equals(name)) {
            throw PublicationException.notPublished("tệp " + name);
        }
        String etag = "\"" + p.sha256() + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FILE_CACHE).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(p.fileName(), StandardCharsets.UTF_8).build().toString())
                .eTag(etag).cacheControl(FILE_CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }

    @GetMapping(value = "/cong-khai/feed.atom")
    ResponseEntity<String> feed() {
        return atom(null, "Công khai kế hoạch và ngân sách", "/cong-khai/feed.atom");
    }

    @GetMapping(value = "/cong-khai/{unit}/feed.atom")
    ResponseEntity<String> unitFeed(@PathVariable String unit) {
        String code = unit.strip().toUpperCase();
        return atom(code, "Công khai của " + code, "/cong-khai/" + code + "/feed.atom");
    }

    private ResponseEntity<String> atom(String unit, String title, String path) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        List<Publication> entries = publications.published(unit, 100);
        if (unit != null && entries.isEmpty()) {
            throw PublicationException.notPublished(unit);
        }
        if (unit != null) {
            title = "Công khai của " + entries.get(0).unitName();
        }
        String body = AtomFeed.write(base + path, title, base + path, base, entries);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml; charset=UTF-8"))
                .cacheControl(PAGE_CACHE).body(body);
    }
}
