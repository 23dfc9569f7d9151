/**
 * The plan document (văn bản kế hoạch phát triển kinh tế - xã hội) and its six attached forms, written by the system:
 * the letterhead, Part 1 on the results of the report period and Part 2 on the next year's targets and tasks, laid
 * out as Decree 30/2020/NĐ-CP prescribes, every figure sentence worded by a unit's sentence templates from the
 * comparison engine's numbers, the free-text blocks a planner writes, and the forms; written to DOCX, XLSX and PDF
 * and previewed as HTML. Other modules feed projects and tasks in through {@code document.spi}. Reading a unit's
 * documents needs a subtree that covers it; writing them needs a planner or an administrator over it
 * ({@link vn.kehoach.document.PlanDocuments}); every write is in the metadata audit trail.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"comparison", "catalog", "orgunit", "period", "target", "datavalue", "format", "demo", "security", "audit", "problem", "access"})
package vn.kehoach.document;
