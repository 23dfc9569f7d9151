/**
 * Công khai: what a planner publishes for everyone to read without logging in — the adopted plan document as a PDF
 * (written by the document module, signed on the server with its configured key or uploaded already signed and then
 * verified), the main targets with their latest results (from the comparison engine) and the budget disclosure forms
 * of Thông tư 343/2016/TT-BTC (from the budget-line tree); each stored whole with its SHA-256, dated, and withdrawable.
 * Publishing needs a planner or an administrator over the unit (the document write rule); the public pages under
 * {@code /cong-khai} and the Atom feed read only what is published. See {@code docs/publication.md}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"document", "project", "comparison", "signing", "orgunit", "period", "catalog", "target",
                "format", "audit", "access", "problem", "security"})
package vn.kehoach.publication;
