package vn.kehoach.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.evidence.internal.FileTypes;
import vn.kehoach.evidence.internal.FolderStore;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.project.Project;
import vn.kehoach.project.Projects;
import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.task.PlanTask;
import vn.kehoach.task.PlanTasks;

/**
 * Evidence files (minh chứng) of values, submissions, disbursements and tasks. Whoever may write the thing attaches
 * to it and removes its files (a unit's reporters and the planners above for its values and forms, the project's and
 * the task's editors, the task's lead agency); whoever may read the thing reads its files. A file is accepted by its
 * content only, up to {@code kehoach.evidence.max-size}; kept in the database, or under its SHA-256 in
 * {@code kehoach.evidence.folder} when one is set; every upload and removal is in the audit trail.
 */
@Service
public class Evidence {

    static final String SELECT = """
            select e.id, e.target_kind, u.code as unit_code, e.element_code, e.data_set_code, e.period_iso,
                   e.project_code, e.disbursement_id, e.task_id, e.file_name, e.content_type, e.size_bytes, e.sha256,
                   e.comment, e.uploaded_by, e.uploaded_at, e.storage
              from evidence e left join org_unit u on u.id = e.org_unit_id
            """;

    /** Where a file's bytes are: in the row, or in the folder under its SHA-256. */
    enum Storage { DATABASE, FOLDER }

    /** A file with its bytes, for a download. */
    public record Download(Attachment attachment, byte[] content) {
    }

    /** The target as found: its keys in their canonical form, its unit (for scope and the audit trail). */
    private record Found(EvidenceTarget target, OrgUnit unit, Project project, PlanTask task) {
    }

    private final JdbcClient jdbc;
    private final Guard guard;
    private final Actors actors;
    private final OrgUnits orgUnits;
    private final Catalog catalog;
    private final DataSets dataSets;
    private final Projects projects;
    private final PlanTasks tasks;
    private final MetadataAudit audit;
    private final long maxBytes;
    private final FolderStore folder;

    public Evidence(JdbcClient jdbc, Guard guard, Actors actors, OrgUnits orgUnits, Catalog catalog, DataSets dataSets,
                    Projects projects, PlanTasks tasks, MetadataAudit audit,
                    @Value("${kehoach.evidence.max-size:20MB}") DataSize maxSize,
                    @Value("${kehoach.evidence.folder:}") String folder) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.actors = actors;
        this.orgUnits = orgUnits;
        this.catalog = catalog;
        this.dataSets = dataSets;
        this.projects = projects;
        this.tasks = tasks;
        this.audit = audit;
        this.maxBytes = maxSize.toBytes();
        this.folder = folder == null || folder.isBlank() ? null : new FolderStore(Path.of(folder.strip()));
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** "20 MB". */
    public String maxSizeLabel() {
        return Sizes.label(maxBytes);
    }

    /** The folder new files go to, or empty when they are kept in the database. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder).map(FolderStore::root);
    }

    /** What the upload form accepts, as a person reads it and as the file chooser's filter. */
    public String acceptedTypes() {
        return FileTypes.acceptedList();
    }

    public String acceptAttribute() {
        return FileTypes.acceptAttribute();
    }

    /**
     * Attaches a file. Refused, with nothing stored, when the actor may not write the target, when the file is
     * larger than the limit (its declared size, or what it turns out to hold) or when its content is not of an
     * accepted type or does not match its name's ending.
     */
    @Transactional
    public Attachment attach(EvidenceTarget target, String fileName, long declaredSize, InputStream content,
                             String comment, Source source) {
        Found f = find(target);
        checkWrite(f);
        String name = cleanName(fileName);
        if (declaredSize > maxBytes) {
            throw tooLarge(name, declaredSize);
        }
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được tệp " + name + ": " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(name, bytes.length);
        }
        if (bytes.length == 0) {
            throw new EvidenceException(ProblemType.BAD_INPUT, "Tệp '" + name + "' rỗng (0 byte)", "file", name);
        }
        FileTypes.Accepted type = FileTypes.check(name, bytes);
        String sha = sha256(bytes);
        String note = comment == null || comment.isBlank() ? null : MetadataAudit.cut(comment.strip(), 2000);
        Storage storage = folder == null ? Storage.DATABASE : Storage.FOLDER;
        if (storage == Storage.FOLDER) {
            folder.write(sha, bytes);
        }
        EvidenceTarget t = f.target();
        Instant now = Instant.now();
        String user = actors.current().username();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into evidence (target_kind, org_unit_id, element_code, data_set_code, period_iso, project_code,
                       disbursement_id, task_id, file_name, content_type, size_bytes, sha256, storage, content, comment,
                       uploaded_by, uploaded_at)
                values (:kind, :unit, :element, :form, :period, :project, :disbursement, :task, :name, :type, :size,
                       :sha, :storage, :content, :comment, :user, :at)""")
                .param("kind", t.kind().name()).param("unit", f.unit().id()).param("element", t.elementCode())
                .param("form", t.formCode()).param("period", t.period()).param("project", t.projectCode())
                .param("disbursement", t.disbursementId()).param("task", t.taskId()).param("name", name)
                .param("type", type.mimeType()).param("size", (long) bytes.length).param("sha", sha)
                .param("storage", storage.name()).param("content", storage == Storage.DATABASE ? bytes : null)
                .param("comment", note).param("user", user).param("at", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(MetadataChange.of(Area.EVIDENCE, "Tải lên", f.unit().id(), String.valueOf(id), t.describe(),
                null, name + " (" + type.label() + ", " + Sizes.label(bytes.length) + ", SHA-256 " + sha + ")"
                        + (note == null ? "" : ": " + note)).inPeriod(t.period()).by(user).via(source));
        return new Attachment(id, t, name, type.mimeType(), bytes.length, sha, note, user, now);
    }

    /** The files of the target, oldest first; refused when the actor may not read it. */
    public List<Attachment> list(EvidenceTarget target) {
        EvidenceTarget t = find(target).target();
        StringBuilder where = new StringBuilder(" where e.target_kind = :kind");
        Map<String, Object> p = new HashMap<>();
        p.put("kind", t.kind().name());
        switch (t.kind()) {
            case VALUE -> where.append(" and u.code = :unit and e.element_code = :element and e.period_iso = :period");
            case SUBMISSION -> where.append(" and u.code = :unit and e.data_set_code = :form and e.period_iso = :period");
            case DISBURSEMENT -> where.append(" and e.project_code = :project and e.disbursement_id = :disbursement");
            case TASK -> where.append(" and e.task_id = :task");
        }
        p.put("unit", t.unitCode());
        p.put("element", t.elementCode());
        p.put("form", t.formCode());
        p.put("period", t.period());
        p.put("project", t.projectCode());
        p.put("disbursement", t.disbursementId());
        p.put("task", t.taskId());
        return jdbc.sql(SELECT + where + " order by e.uploaded_at, e.id").params(p).query(Evidence::map).list();
    }

    /**
     * What the approver reads with a submission: the files of the form as a whole and of each of its values for the
     * unit and period, oldest first; refused when the actor may not read the unit's values.
     */
    public List<Attachment> ofSubmission(String formCode, String unitCode, String period) {
        EvidenceTarget t = find(EvidenceTarget.submission(formCode, unitCode, period)).target();
        DataSet form = dataSets.require(t.formCode());
        return jdbc.sql(SELECT + """
                         where u.code = :unit and e.period_iso = :period
                           and ((e.target_kind = 'SUBMISSION' and e.data_set_code = :form)
                             or (e.target_kind = 'VALUE' and e.element_code in (:elements)))
                         order by e.uploaded_at, e.id""")
                .param("unit", t.unitCode()).param("period", t.period()).param("form", t.formCode())
                .param("elements", List.copyOf(form.elementCodes())).query(Evidence::map).list();
    }

    /** The file's record, if the actor may read what it belongs to (else refused: 403); 404 when there is none. */
    public Attachment get(long id) {
        Attachment a = row(id);
        find(a.target());
        return a;
    }

    /** The file with its bytes, checked against the SHA-256 recorded at upload. */
    public Download download(long id) {
        Attachment a = get(id);
        String storage = jdbc.sql("select storage from evidence where id = :id").param("id", id).query(String.class).single();
        byte[] bytes = Storage.valueOf(storage) == Storage.DATABASE
                ? jdbc.sql("select content from evidence where id = :id").param("id", id).query((rs, i) -> rs.getBytes(1)).single()
                : folderFor(id).read(a.sha256());
        if (!sha256(bytes).equals(a.sha256())) {
            throw new IllegalStateException("Tệp minh chứng số " + id + " (" + a.fileName()
                    + ") không khớp mã SHA-256 ghi lúc tải lên: tệp đã bị thay đổi hoặc hỏng");
        }
        return new Download(a, bytes);
    }

    /** Removes a file; whoever may attach to the target may remove its files. Kept in the audit trail. */
    @Transactional
    public void delete(long id, Source source) {
        Attachment a = row(id);
        Found f = find(a.target());
        checkWrite(f);
        String storage = jdbc.sql("select storage from evidence where id = :id").param("id", id).query(String.class).single();
        jdbc.sql("delete from evidence where id = :id").param("id", id).update();
        String user = actors.current().username();
        audit.record(MetadataChange.of(Area.EVIDENCE, "Xóa", f.unit().id(), String.valueOf(id), a.target().describe(),
                a.fileName() + " (SHA-256 " + a.sha256() + ", tải lên bởi " + a.uploadedBy() + ")", null)
                .inPeriod(a.target().period()).by(user).via(source));
        if (Storage.valueOf(storage) == Storage.FOLDER && folder != null) {
            Runnable removeUnused = () -> {
                long others = jdbc.sql("select count(*) from evidence where sha256 = :sha and storage = 'FOLDER'")
                        .param("sha", a.sha256()).query(Long.class).single();
                if (others == 0) {
                    folder.delete(a.sha256());
                }
            };
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        removeUnused.run();
                    }
                });
            } else {
                removeUnused.run();
            }
        }
    }

    /** Whether the actor may read the target's files (false also for a target that does not exist). */
    public boolean mayRead(EvidenceTarget target) {
        try {
            find(target);
            return true;
        } catch (OutOfScopeException | EvidenceException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the actor may attach files to the target. */
    public boolean mayAttach(EvidenceTarget target) {
        try {
            checkWrite(find(target));
            return true;
        } catch (OutOfScopeException | EvidenceException | IllegalArgumentException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- internals

    /** The target in its canonical form, refused when it does not exist (404) or the actor may not read it (403). */
    private Found find(EvidenceTarget t) {
        return switch (t.kind()) {
            case VALUE, SUBMISSION -> {
                OrgUnit unit = orgUnits.find(t.unitCode()).orElseThrow(() -> notFound("Không có đơn vị mã '"
                        + t.unitCode() + "'", "unit", t.unitCode()));
                Period period = Period.parse(t.period());
                EvidenceTarget canonical;
                if (t.kind() == TargetKind.VALUE) {
                    catalog.findElement(t.elementCode()).orElseThrow(() -> notFound("Không có chỉ tiêu mã '"
                            + t.elementCode() + "' trong danh mục", "element", t.elementCode()));
                    canonical = EvidenceTarget.value(unit.code(), t.elementCode(), period.id());
                } else {
                    DataSet form = dataSets.find(t.formCode()).orElseThrow(() -> notFound("Không có biểu mã '"
                            + t.formCode() + "'", "form", t.formCode()));
                    form.checkReportable(unit, period);
                    canonical = EvidenceTarget.submission(form.code(), unit.code(), period.id());
                }
                guard.checkRead(Resource.VALUE, unit.place());
                yield new Found(canonical, unit, null, null);
            }
            case DISBURSEMENT -> {
                Project p = projects.find(t.projectCode()).orElseThrow(() -> notFound("Không có dự án mã '"
                        + t.projectCode() + "' trong phạm vi của tài khoản " + actors.current().username(),
                        "project", t.projectCode()));
                projects.disbursements(p.code(), null).stream().filter(d -> d.id() == t.disbursementId()).findFirst()
                        .orElseThrow(() -> notFound("Dự án " + p.code() + " không có lần giải ngân số "
                                + t.disbursementId(), "disbursement", String.valueOf(t.disbursementId())));
                yield new Found(EvidenceTarget.disbursement(p.code(), t.disbursementId()),
                        orgUnits.require(p.ownerUnitCode()), p, null);
            }
            case TASK -> {
                PlanTask task = tasks.find(t.taskId()).orElseThrow(() -> notFound("Không có nhiệm vụ số " + t.taskId()
                        + " trong phạm vi của tài khoản " + actors.current().username(), "task", String.valueOf(t.taskId())));
                yield new Found(EvidenceTarget.task(task.id()), orgUnits.require(task.ownerUnitCode()), null, task);
            }
        };
    }

    private void checkWrite(Found f) {
        switch (f.target().kind()) {
            case VALUE, SUBMISSION -> guard.checkWrite(Resource.VALUE, f.unit().place());
            case DISBURSEMENT -> {
                if (!projects.canWrite(f.project())) {
                    throw new OutOfScopeException("Tài khoản " + actors.current().username()
                            + " không được thêm hay xóa minh chứng của dự án " + f.project().code()
                            + ": việc này do cán bộ kế hoạch quản lý dự án thực hiện");
                }
            }
            case TASK -> {
                if (!tasks.canEdit(f.task()) && !tasks.canReport(f.task())) {
                    throw new OutOfScopeException("Tài khoản " + actors.current().username()
                            + " không được thêm hay xóa minh chứng của nhiệm vụ số " + f.task().id()
                            + ": việc này do cơ quan chủ trì hoặc cán bộ kế hoạch thực hiện");
                }
            }
        }
    }

    private Attachment row(long id) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query(Evidence::map).optional()
                .orElseThrow(() -> notFound("Không có tệp minh chứng số " + id, "id", String.valueOf(id)));
    }

    private FolderStore folderFor(long id) {
        if (folder == null) {
            throw new IllegalStateException("Tệp minh chứng số " + id + " nằm trong thư mục, nhưng kehoach.evidence.folder"
                    + " chưa được đặt");
        }
        return folder;
    }

    private EvidenceException tooLarge(String name, long size) {
        return new EvidenceException(ProblemType.TOO_LARGE, "Tệp '" + name + "' quá lớn"
                + (size > 0 ? " (" + Sizes.label(size) + ")" : "") + ": mỗi tệp minh chứng tối đa " + maxSizeLabel()
                + ". Hãy nén ảnh hoặc chia nhỏ tài liệu", "file", name);
    }

    private static EvidenceException notFound(String detail, String field, String value) {
        return new EvidenceException(ProblemType.NOT_FOUND, detail, field, value);
    }

    /** The file's own name without any folder a browser or a tool put before it; never empty. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}]", "");
        if (name.isEmpty()) {
            throw new EvidenceException(ProblemType.BAD_INPUT, "Thiếu tệp minh chứng (chưa chọn tệp hoặc tệp không có tên)",
                    "file", null);
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attachment map(ResultSet rs, int row) throws SQLException {
        TargetKind kind = TargetKind.valueOf(rs.getString("target_kind"));
        long disbursement = rs.getLong("disbursement_id");
        long task = rs.getLong("task_id");
        EvidenceTarget target = switch (kind) {
            case VALUE -> EvidenceTarget.value(rs.getString("unit_code"), rs.getString("element_code"), rs.getString("period_iso"));
            case SUBMISSION -> EvidenceTarget.submission(rs.getString("data_set_code"), rs.getString("unit_code"),
                    rs.getString("period_iso"));
            case DISBURSEMENT -> EvidenceTarget.disbursement(rs.getString("project_code"), disbursement);
            case TASK -> EvidenceTarget.task(task);
        };
        return new Attachment(rs.getLong("id"), target, rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("comment"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
