/**
 * Validation (kiểm tra số liệu): rules written as two expressions over element codes and an operator (sản lượng ≈
 * năng suất × diện tích ÷ 10 within 1%; a commune's figure at most its district's total; a herd never negative),
 * each with a Vietnamese message and an importance, and outliers judged against a unit's own history. Run on every
 * save of a cell, on submission of a form, and on demand for a whole district with a report.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"datavalue", "dataset", "catalog", "orgunit", "period", "format", "security", "access", "audit",
                "problem"})
package vn.kehoach.validation;
