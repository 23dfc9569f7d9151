/**
 * Evidence (minh chứng): files attached to a data value (unit, element, period), a form submission (form, unit,
 * period), a project's disbursement or a plan task — PDF, JPEG, PNG, WebP, DOCX, XLSX, ODT, ODS, typed by their
 * content and never by their name, limited in size, stored in the database or a configured folder with their SHA-256,
 * uploader, time and comment. Whoever may write the thing attaches to it; whoever may read it (the approver of a
 * submission, the planners above) reads its files, which are only ever downloaded as attachments, never shown inline.
 * {@link vn.kehoach.evidence.Evidence} is the service; the pages include its fragments ({@code evidence/panel}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "audit", "problem", "format",
        "orgunit", "period", "catalog", "dataset", "security", "project", "task"})
package vn.kehoach.evidence;
