package vn.kehoach.setup;

import vn.kehoach.exchange.ImportReport;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.security.User;

/** What the first run created: the root unit, the administrator and the catalog rows (empty without a catalog). */
public record FirstRunResult(OrgUnit root, User admin, ImportReport catalog) {
}
