package vn.kehoach.publication;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.document.DocumentFormat;
import vn.kehoach.document.PlanDocument;
import vn.kehoach.document.PlanDocumentWriter;
import vn.kehoach.document.PlanDocuments;
import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.publication.internal.BudgetForms;
import vn.kehoach.publication.internal.DisclosureXlsx;
import vn.kehoach.publication.internal.PublicationStore;
import vn.kehoach.publication.internal.PublicationStore.NewFile;
import vn.kehoach.publication.internal.ServerSigning;
import vn.kehoach.publication.internal.TargetTables;
import vn.kehoach.security.Actors;
import vn.kehoach.signing.PdfSigner;
import vn.kehoach.signing.PdfVerifier;
import vn.kehoach.signing.SignatureCheck;
import vn.kehoach.signing.SignatureDetails;
import vn.kehoach.signing.SigningException;
import vn.kehoach.signing.SigningKey;
import vn.kehoach.signing.Verification;

/**
 * Publishes a unit's plan year for the public pages and withdraws it. Publishing and withdrawing need a planner or an
 * administrator whose subtree covers the unit — the rule that writes the unit's plan documents
 * ({@link Resource#DOCUMENT}) — and each is in the metadata audit trail. A new publication of a kind replaces (withdraws)
 * the one before. The public reads ({@link #published}, {@link #file}…) need no user and see only what is published:
 * anything else is "not found", so the public pages never reveal what exists unpublished.
 */
@Service
@Transactional(readOnly = true)
public class Publications {

    /** The largest signed PDF accepted from a planner. */
    public static final int MAX_UPLOAD = 20 * 1024 * 1024;

    private final PublicationStore store;
    private final OrgUnits orgUnits;
    private final Guard guard;
    private final MetadataAudit audit;
    private final Actors actors;
    private final PlanDocuments documents;
    private final PlanDocumentWriter writer;
    private final TargetTables targets;
    private final BudgetForms budget;
    private final ServerSigning signing;
    private final JsonMapper json = JsonMapper.builder().build();

    public Publications(PublicationStore store, OrgUnits orgUnits, Guard guard, MetadataAudit audit, Actors actors,
                        PlanDocuments documents, PlanDocumentWriter writer, TargetTables targets, BudgetForms budget,
                        ServerSigning signing) {
        this.store = store;
        this.orgUnits = orgUnits;
        this.guard = guard;
        this.audit = audit;
        this.actors = actors;
        this.documents = documents;
        this.writer = writer;
        this.targets = targets;
        this.budget = budget;
        this.signing = signing;
    }

    /** Whether the current actor may publish for the unit (the page offers the buttons). */
    public boolean canPublish(String unitCode) {
        return guard.mayWrite(Resource.DOCUMENT, orgUnits.require(unitCode).place());
    }

    /** Whether the server has a signing key configured. */
    public boolean serverKeyConfigured() {
        return signing.key().isPresent();
    }

    /**
     * Publishes what is asked for the unit and year, all or nothing. {@code signedPdf} is the uploaded signed plan
     * when {@code planSigning} is {@link PlanSigning#UPLOADED}.
     */
    @Transactional
    public List<Publication> publish(String unitCode, int year, Set<PublicationKind> what, PlanSigning planSigning,
                                     byte[] signedPdf) {
        OrgUnit unit = writable(unitCode);
        checkYear(year);
        if (what == null || what.isEmpty()) {
            throw new PublicationException(ProblemType.BAD_INPUT, "what", "Chọn ít nhất một nội dung để công bố");
        }
        PlanSigning how = planSigning == null ? PlanSigning.NONE : planSigning;
        if (how == PlanSigning.UPLOADED && !what.contains(PublicationKind.PLAN)) {
            throw new PublicationException(ProblemType.BAD_INPUT, "what",
                    "Tệp PDF đã ký là văn bản kế hoạch: chọn cả nội dung 'Văn bản kế hoạch'");
        }
        PlanDocument doc = documents.get(unit.code(), year);
        Period report = doc.reportPeriod();
        List<NewFile> files = new ArrayList<>();
        for (PublicationKind kind : PublicationKind.values()) {
            if (what.contains(kind)) {
                files.add(switch (kind) {
                    case PLAN -> plan(unit, year, how, signedPdf);
                    case TARGETS -> targetsFile(unit, report, year);
                    case BUDGET -> budgetFile(unit, report, year);
                });
            }
        }
        String by = actors.current().username();
        Instant at = Instant.now();
        List<Publication> out = new ArrayList<>();
        for (NewFile f : files) {
            Optional<Publication> before = store.active(unit.code(), year, f.kind());
            before.ifPresent(p -> store.withdraw(p.id(), at, by));
            long id = store.insert(unit, year, f, at, by);
            Publication p = store.find(id).orElseThrow();
            audit.record(MetadataChange.of(Area.DOCUMENT, "Công bố công khai", unit.id(), "PUBLICATION:" + f.kind(),
                    f.title(), before.map(b -> "SHA-256 " + b.sha256()).orElse(null),
                    "SHA-256 " + f.sha256() + ", " + f.fileName() + (f.signer() == null ? "" : ", ký số: " + f.signer()))
                    .inPeriod(String.valueOf(year)).by(by));
            out.add(p);
        }
        return out;
    }

    /** Withdraws a publication: it disappears from the public pages (404) and stays in the record. */
    @Transactional
    public Publication withdraw(long id) {
        Publication p = store.find(id).filter(Publication::active).orElseThrow(() -> new PublicationException(
                ProblemType.NOT_FOUND, "id", "Không có nội dung đang công khai số " + id));
        OrgUnit unit = writable(p.unitCode());
        String by = actors.current().username();
        store.withdraw(id, Instant.now(), by);
        audit.record(MetadataChange.of(Area.DOCUMENT, "Thu hồi công khai", unit.id(), "PUBLICATION:" + p.kind(),
                p.title(), "SHA-256 " + p.sha256(), "đã thu hồi").inPeriod(String.valueOf(p.year())).by(by));
        return store.find(id).orElseThrow();
    }

    /** Every publication of the unit's year, withdrawn ones too, for the planner (who may read its documents). */
    public List<Publication> history(String unitCode, int year) {
        OrgUnit unit = orgUnits.require(unitCode);
        guard.checkRead(Resource.DOCUMENT, unit.place());
        return store.all(unit.code(), checkYear(year));
    }

    // --- Public reads: no user needed, only what is published ---

    /** The newest publications of every unit (or of one), at most {@code limit}. */
    public List<Publication> published(String unitCode, int limit) {
        return store.active(unitCode, limit);
    }

    /** The published files of the unit's year by kind; not found when none is. */
    public Map<PublicationKind, Publication> publishedYear(String unitCode, int year) {
        Map<PublicationKind, Publication> out = new LinkedHashMap<>();
        for (PublicationKind k : PublicationKind.values()) {
            store.active(unitCode, year, k).ifPresent(p -> out.put(k, p));
        }
        if (out.isEmpty()) {
            throw PublicationException.notPublished(unitCode + " năm " + year);
        }
        return out;
    }

    /** A published file's bytes; not found when it is withdrawn or never was. */
    public PublishedFile file(long id) {
        return store.file(id).filter(f -> f.publication().active())
                .orElseThrow(() -> PublicationException.notPublished("tệp số " + id));
    }

    public TargetSnapshot targetSnapshot(Publication p) {
        return json.readValue(snapshot(p), TargetSnapshot.class);
    }

    public BudgetDisclosure budgetDisclosure(Publication p) {
        return json.readValue(snapshot(p), BudgetDisclosure.class);
    }

    private String snapshot(Publication p) {
        return store.snapshot(p.id()).orElseThrow(() -> PublicationException.notPublished("bảng số " + p.id()));
    }

    // --- What is published ---

    private NewFile plan(OrgUnit unit, int year, PlanSigning how, byte[] uploaded) {
        String title = "Kế hoạch phát triển kinh tế - xã hội năm " + year;
        String name = PlanDocumentWriter.fileName(unit.code(), year, DocumentFormat.PDF);
        byte[] pdf;
        String signer = null;
        switch (how) {
            case UPLOADED -> {
                if (uploaded == null || uploaded.length == 0) {
                    throw new PublicationException(ProblemType.BAD_INPUT, "file", "Chưa chọn tệp PDF đã ký để tải lên");
                }
                if (uploaded.length > MAX_UPLOAD) {
                    throw new PublicationException(ProblemType.TOO_LARGE, "file", "Tệp PDF đã ký quá 20 MB");
                }
                Verification v;
                try {
                    v = PdfVerifier.verify(uploaded, signing.trusted(), "tệp tải lên");
                } catch (SigningException e) {
                    throw new PublicationException(ProblemType.BAD_INPUT, "file",
                            "Tệp tải lên không phải tệp PDF đọc được: " + e.getMessage());
                }
                if (!v.signed()) {
                    throw new PublicationException(ProblemType.BAD_INPUT, "file",
                            "Tệp PDF tải lên chưa có chữ ký số: hãy ký văn bản rồi tải lên lại");
                }
                if (!v.valid()) {
                    List<String> problems = v.signatures().stream().flatMap(s -> s.problems().stream()).distinct()
                            .toList();
                    throw new PublicationException(ProblemType.BAD_INPUT, "file",
                            "Chữ ký số của tệp PDF không hợp lệ, không công bố: " + String.join("; ", problems));
                }
                SignatureCheck s = v.signatures().get(v.signatures().size() - 1);
                signer = s.signer() + (s.issuer() == null ? "" : " (" + s.issuer() + ")");
                pdf = uploaded;
                name = name.replace(".pdf", "-ky-so.pdf");
            }
            case SERVER_KEY -> {
                SigningKey key = signing.key().orElseThrow(() -> new PublicationException(ProblemType.BAD_INPUT,
                        "signing", "Máy chủ chưa cấu hình khóa ký (kehoach.signing.keystore): tải lên tệp đã ký, "
                        + "hoặc công bố không ký"));
                pdf = PdfSigner.sign(written(unit, year), key, new SignatureDetails("Công bố " + title,
                        unit.name(), null), ZonedDateTime.now(Numbers.VIETNAM));
                signer = key.signerName() + " (" + issuerName(key) + ")";
                name = name.replace(".pdf", "-ky-so.pdf");
            }
            default -> pdf = written(unit, year);
        }
        return new NewFile(PublicationKind.PLAN, title, name, DocumentFormat.PDF.mediaType(), pdf, sha256(pdf), null,
                signer);
    }

    private static String issuerName(SigningKey key) {
        String dn = key.certificate().getIssuerX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return dn;
    }

    private byte[] written(OrgUnit unit, int year) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(unit.code(), year, DocumentFormat.PDF, out);
        return out.toByteArray();
    }

    private NewFile targetsFile(OrgUnit unit, Period report, int year) {
        TargetSnapshot s = targets.snapshot(unit, report, year);
        byte[] csv = Csv.file(TargetTables.csv(s));
        return new NewFile(PublicationKind.TARGETS, "Chỉ tiêu chủ yếu: kết quả " + s.periodLabel()
                + " và kế hoạch năm " + year, "Chi-tieu-" + year + "-" + unit.code() + ".csv",
                "text/csv; charset=UTF-8", csv, sha256(csv), json.writeValueAsString(s), null);
    }

    private NewFile budgetFile(OrgUnit unit, Period report, int year) {
        BudgetDisclosure d = budget.disclosure(unit, report, year);
        byte[] xlsx = DisclosureXlsx.write(d);
        return new NewFile(PublicationKind.BUDGET, "Công khai dự toán ngân sách năm " + year
                + " (Thông tư 343/2016/TT-BTC)", "Cong-khai-ngan-sach-" + year + "-" + unit.code() + ".xlsx",
                DocumentFormat.XLSX.mediaType(), xlsx, sha256(xlsx), json.writeValueAsString(d), null);
    }

    private OrgUnit writable(String unitCode) {
        OrgUnit unit = orgUnits.require(unitCode);
        guard.checkWrite(Resource.DOCUMENT, unit.place());
        return unit;
    }

    private static int checkYear(int year) {
        if (year < 1901 || year > 2200) {
            throw new PublicationException(ProblemType.BAD_INPUT, "year",
                    "Năm kế hoạch '" + year + "' không hợp lệ: dùng năm trong khoảng 1901–2200");
        }
        return year;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
