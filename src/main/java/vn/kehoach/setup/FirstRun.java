package vn.kehoach.setup;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Source;
import vn.kehoach.exchange.CsvImport;
import vn.kehoach.exchange.ImportReport;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Role;
import vn.kehoach.security.User;
import vn.kehoach.security.Users;

/**
 * Starts a database from nothing: the root unit, the first administrator (ADMIN at that unit) and, when asked, the
 * starter catalog, all in one transaction — a refused password or a bad catalog row leaves the database empty. Only an
 * empty database (no org unit, no user) is started; anything else is refused and left as it is.
 */
@Service
public class FirstRun {

    /** The starter catalog's folder on the classpath (units of measure, sectors, data elements, indicators). */
    public static final String STARTER_CATALOG = "catalog/starter";

    private final OrgUnits orgUnits;
    private final Users users;
    private final CsvImport csvImport;

    public FirstRun(OrgUnits orgUnits, Users users, CsvImport csvImport) {
        this.orgUnits = orgUnits;
        this.users = users;
        this.csvImport = csvImport;
    }

    /** True while the database has neither org units nor users: what {@code kehoach init} needs, and the login page tells. */
    public boolean databaseEmpty() {
        return orgUnits.count() == 0 && users.count() == 0;
    }

    /** Creates the root unit, the administrator and the starter catalog; refuses a database that is not empty. */
    @Transactional(rollbackFor = Exception.class)
    public FirstRunResult initialise(FirstRunRequest request, String by) {
        int units = orgUnits.count();
        int accounts = users.count();
        if (units > 0 || accounts > 0) {
            throw new DatabaseNotEmptyException(units, accounts);
        }
        OrgUnit root = orgUnits.save(request.root());
        User admin = users.create(request.adminUsername(), request.password(), request.adminName(), Set.of(Role.ADMIN),
                root.code(), by);
        ImportReport catalog = request.starterCatalog() ? loadStarterCatalog(by) : new ImportReport(Map.of());
        return new FirstRunResult(root, admin, catalog);
    }

    /** Loads (or reloads, updating in place) the starter catalog through the CSV import, as the demo loads its files. */
    @Transactional(rollbackFor = Exception.class)
    public ImportReport loadStarterCatalog(String by) {
        return csvImport.importFiles(CsvImport.classpathFolder(STARTER_CATALOG), by, Source.CLI);
    }
}
