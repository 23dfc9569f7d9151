package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An index of the preliminary figures (số liệu sơ bộ) by unit. The comparison engine asks, before it reads a
 * province or the country from the in-memory index, whether its subtree holds any preliminary figure (which only the
 * database keeps); without an index that question reads every value of the subtree, seconds at national scale. On
 * PostgreSQL a partial index holds the preliminary rows only, a handful beside millions of actual values, so a bulk
 * load pays next to nothing for it; H2 has no partial index and gets one on (kind, unit). The only migration written
 * in Java, because the two databases share no statement for it.
 */
public class V21__Preliminary_values extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase()
                .contains("postgres");
        try (Statement s = context.getConnection().createStatement()) {
            s.execute(postgres
                    ? "create index data_value_preliminary on data_value (org_unit_id) where kind = 'PRELIMINARY'"
                    : "create index data_value_preliminary on data_value (kind, org_unit_id)");
        }
    }
}
