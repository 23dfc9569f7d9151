package db.migration;

import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The triggers that fill {@code data_change} (V16) in the transaction of each change, whoever writes: PL/pgSQL on
 * PostgreSQL, which also wakes the listening nodes ({@code pg_notify('kehoach_changes', id)}); a Java trigger on H2,
 * whose nodes poll the table. The two databases share no trigger syntax, so this one migration is code.
 */
public class V16_1__change_feed_triggers extends BaseJavaMigration {

    private static final List<String> POSTGRESQL = List.of("""
            create function kehoach_value_changed() returns trigger language plpgsql as $$
            declare
                change_id bigint;
            begin
                if tg_op <> 'INSERT' then
                    insert into data_change (what, element_id, org_unit_id, period_id, kind)
                    values ('VALUE', old.element_id, old.org_unit_id, old.period_id, old.kind)
                    returning id into change_id;
                end if;
                if tg_op = 'INSERT' or (tg_op = 'UPDATE' and (new.element_id, new.org_unit_id, new.period_id, new.kind)
                        is distinct from (old.element_id, old.org_unit_id, old.period_id, old.kind)) then
                    insert into data_change (what, element_id, org_unit_id, period_id, kind)
                    values ('VALUE', new.element_id, new.org_unit_id, new.period_id, new.kind)
                    returning id into change_id;
                end if;
                perform pg_notify('kehoach_changes', change_id::text);
                return null;
            end $$""", """
            create function kehoach_definitions_changed() returns trigger language plpgsql as $$
            declare
                change_id bigint;
            begin
                insert into data_change (what) values (tg_argv[0]) returning id into change_id;
                perform pg_notify('kehoach_changes', change_id::text);
                return null;
            end $$""",
            "create trigger data_value_changes after insert or update or delete on data_value"
                    + " for each row execute function kehoach_value_changed()",
            "create trigger data_element_changes after insert or update or delete on data_element"
                    + " for each statement execute function kehoach_definitions_changed('CATALOG')",
            "create trigger indicator_changes after insert or update or delete on indicator"
                    + " for each statement execute function kehoach_definitions_changed('CATALOG')",
            "create trigger org_unit_changes after insert or update or delete on org_unit"
                    + " for each statement execute function kehoach_definitions_changed('TERRITORY')");

    private static final String H2_TRIGGER = "'vn.kehoach.analytics.internal.H2ChangeTrigger'";

    // H2 triggers are all row triggers: a statement trigger of H2 2.4 that writes fails every statement run outside a
    // transaction ("Commit or rollback is not allowed within a trigger", error 90058), which a row trigger does not.

    private static final List<String> H2 = List.of(
            "create trigger data_value_changes after insert, update, delete on data_value for each row call "
                    + H2_TRIGGER,
            "create trigger data_element_changes after insert, update, delete on data_element for each row call "
                    + H2_TRIGGER,
            "create trigger indicator_changes after insert, update, delete on indicator for each row call "
                    + H2_TRIGGER,
            "create trigger org_unit_changes after insert, update, delete on org_unit for each row call "
                    + H2_TRIGGER);

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = context.getConnection().getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        try (Statement s = context.getConnection().createStatement()) {
            for (String sql : postgres ? POSTGRESQL : H2) {
                s.execute(sql);
            }
        }
    }
}
