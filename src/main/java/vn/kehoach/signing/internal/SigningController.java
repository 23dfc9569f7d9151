package vn.kehoach.signing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.security.cert.X509Certificate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Scopes;
import vn.kehoach.signing.DocumentSigning;
import vn.kehoach.signing.PdfVerifier;
import vn.kehoach.signing.SignatureCheck;
import vn.kehoach.signing.SigningException;
import vn.kehoach.signing.Verification;

/**
 * The signing pages: {@code /ky-so} signs a unit's plan or an uploaded PDF and hands back the signed file;
 * {@code /ky-so/kiem-tra} checks the signatures of an uploaded PDF. What may be signed, by whom, is decided by
 * {@link DocumentSigning}; a refusal of input comes back on the form, next to the field it names.
 */
@Controller
class SigningController {

    private final DocumentSigning signing;
    private final Scopes scopes;
    private final OrgUnits orgUnits;

    SigningController(DocumentSigning signing, Scopes scopes, OrgUnits orgUnits) {
        this.signing = signing;
        this.scopes = scopes;
        this.orgUnits = orgUnits;
    }

    @GetMapping("/ky-so")
    ModelAndView form(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return page(unit, year, "plan", "upload");
    }

    @PostMapping("/ky-so")
    ModelAndView sign(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                      @RequestParam(defaultValue = "plan") String source,
                      @RequestParam(required = false) MultipartFile file,
                      @RequestParam(defaultValue = "upload") String key,
                      @RequestParam(required = false) MultipartFile keystore,
                      @RequestParam(required = false) String password,
                      @RequestParam(required = false) String alias,
                      @RequestParam(required = false) String reason,
                      @RequestParam(required = false) String location,
                      HttpServletResponse response) throws IOException {
        DocumentSigning.SignedPdf signed;
        try {
            DocumentSigning.KeyChoice choice = "server".equals(key) ? DocumentSigning.KeyChoice.server()
                    : new DocumentSigning.KeyChoice(bytes(keystore), password == null ? new char[0] : password.toCharArray(),
                    alias, keystore == null ? null : keystore.getOriginalFilename());
            if ("file".equals(source)) {
                signed = signing.signUpload(unit, bytes(file), file == null ? null : file.getOriginalFilename(), choice,
                        reason, location);
            } else {
                if (year == null) {
                    throw new SigningException("chưa chọn năm của kế hoạch cần ký").at("year");
                }
                signed = signing.signPlan(unit, year, choice, reason, location);
            }
        } catch (SigningException e) {
            ModelAndView page = page(unit, year, source, key);
            page.addObject("error", e.getMessage());
            page.addObject("errorField", e.field());
            page.addObject("reason", reason);
            page.addObject("location", location);
            page.setStatus(HttpStatus.valueOf(e.problem().type().status()));
            return page;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(signed.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Signature-SHA256", signed.sha256());
        response.setContentLength(signed.pdf().length);
        response.getOutputStream().write(signed.pdf());
        response.flushBuffer();
        return null;
    }

    @GetMapping("/ky-so/kiem-tra")
    String verifyForm() {
        return "signing/verify";
    }

    @PostMapping("/ky-so/kiem-tra")
    ModelAndView verify(@RequestParam(required = false) MultipartFile file,
                        @RequestParam(required = false) MultipartFile trust) {
        ModelAndView page = new ModelAndView("signing/verify");
        try {
            Verification v = signing.verify(bytes(file), file == null ? null : file.getOriginalFilename(), roots(trust));
            page.addObject("verification", v);
            List<Shown> shown = new ArrayList<>();
            for (SignatureCheck s : v.signatures()) {
                shown.add(new Shown(s, Numbers.vi().dateTime(s.signingTime())));
            }
            page.addObject("checks", shown);
        } catch (SigningException e) {
            page.addObject("error", e.getMessage());
            page.addObject("errorField", e.field());
            page.setStatus(HttpStatus.valueOf(e.problem().type().status()));
        }
        return page;
    }

    /** A signature's check with its time as a person reads it (Vietnam time). */
    record Shown(SignatureCheck check, String time) {
    }

    static List<X509Certificate> roots(MultipartFile trust) {
        byte[] bytes = bytes(trust);
        if (bytes == null || bytes.length == 0) {
            return List.of();
        }
        try {
            return PdfVerifier.certificates(bytes, "tệp chứng thư gốc " + trust.getOriginalFilename());
        } catch (SigningException e) {
            throw e.at("trust");
        }
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file == null || file.isEmpty() ? null : file.getBytes();
        } catch (IOException e) {
            throw new SigningException("không đọc được tệp tải lên " + file.getOriginalFilename(), e).at(file.getName());
        }
    }

    private ModelAndView page(String unit, Integer year, String source, String key) {
        ModelAndView page = new ModelAndView("signing/sign");
        List<OrgUnit> units = scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList();
        String chosen = unit != null && !unit.isBlank() ? unit.strip()
                : units.isEmpty() ? null : units.get(0).code();
        page.addObject("units", units);
        page.addObject("unit", chosen);
        page.addObject("year", year != null ? year : Numbers.vi().today().getYear() + 1);
        page.addObject("source", source);
        page.addObject("key", key);
        page.addObject("maySign", chosen != null && signing.maySign(chosen));
        page.addObject("serverKey", signing.serverKeyConfigured());
        page.addObject("timeStamping", signing.timeStamping());
        return page;
    }
}
