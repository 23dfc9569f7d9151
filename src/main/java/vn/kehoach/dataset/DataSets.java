package vn.kehoach.dataset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Place;
import vn.kehoach.access.Resource;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.UnknownCodeException;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.period.PeriodType;

/** The forms: reads them, finds those a unit reports or that hold an element, and stores new versions. */
@Service
public class DataSets {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Guard guard;
    private final MetadataAudit audit;

    public DataSets(JdbcClient jdbc, Catalog catalog, Guard guard, MetadataAudit audit) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.guard = guard;
        this.audit = audit;
    }

    /** Every form, in display order. */
    public List<DataSet> all() {
        return load(null);
    }

    public Optional<DataSet> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return load(code.strip().toUpperCase()).stream().findFirst();
    }

    /** The form with this code, or an error naming the code. */
    public DataSet require(String code) {
        return find(code).orElseThrow(() -> new UnknownCodeException("biểu", code));
    }

    /** The forms that units of this unit's kind report. */
    public List<DataSet> reportedBy(OrgUnit unit) {
        return all().stream().filter(f -> f.reportedBy(unit)).toList();
    }

    /** The forms that at least one of these units reports (for example every unit under a district). */
    public List<DataSet> reportedWithin(Collection<OrgUnit> units) {
        return all().stream().filter(f -> units.stream().anyMatch(f::reportedBy)).toList();
    }

    /** Creates the form or replaces the one with the same code, its lines included; every element must exist. */
    @Transactional
    public DataSet save(DataSet form) {
        guard.checkWrite(Resource.FORM, Place.WHOLE);
        for (DataSetElement e : form.elements()) {
            if (catalog.findElement(e.elementCode()).isEmpty()) {
                throw new IllegalArgumentException("biểu '" + form.code() + "' dùng chỉ tiêu '" + e.elementCode()
                        + "' không có trong danh mục chỉ tiêu thu thập");
            }
        }
        DataSet before = find(form.code()).orElse(null);
        Map<String, Object> params = Map.of("code", form.code(), "name", form.name(),
                "type", form.periodType().name(), "kinds", kinds(form.unitKinds()), "due", form.dueDays(),
                "sort", form.sortOrder());
        String approver = form.approverKind() == null ? null : form.approverKind().name();
        int n = jdbc.sql("""
                update data_set set name = :name, period_type = :type, unit_kinds = :kinds, due_days = :due,
                       description = :description, sort_order = :sort, approver_kind = :approver
                 where code = :code""").params(params).param("description", form.description())
                .param("approver", approver).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into data_set (code, name, period_type, unit_kinds, due_days, description, sort_order,
                           approver_kind)
                    values (:code, :name, :type, :kinds, :due, :description, :sort, :approver)""")
                    .params(params).param("description", form.description()).param("approver", approver).update();
        }
        jdbc.sql("delete from data_set_element where data_set_code = :code").param("code", form.code()).update();
        int order = 0;
        for (DataSetElement e : form.elements()) {
            order += 10;
            jdbc.sql("""
                    insert into data_set_element (data_set_code, element_code, kind, required, section, sort_order)
                    values (:form, :element, :kind, :required, :section, :sort)""")
                    .param("form", form.code()).param("element", e.elementCode()).param("kind", e.kind().name())
                    .param("required", e.required()).param("section", e.section()).param("sort", order).update();
        }
        DataSet saved = require(form.code());
        audit.record(MetadataChange.between(Area.FORM, null, saved.code(), saved.name(), before, saved));
        return saved;
    }

    private List<DataSet> load(String code) {
        String where = code == null ? "" : " where code = :code";
        var forms = jdbc.sql("select code, name, period_type, unit_kinds, due_days, description, sort_order, approver_kind from data_set"
                + where + " order by sort_order, code");
        if (code != null) {
            forms = forms.param("code", code);
        }
        Map<String, DataSet> byCode = new LinkedHashMap<>();
        forms.query(DataSets::form).list().forEach(f -> byCode.put(f.code(), f));
        if (byCode.isEmpty()) {
            return List.of();
        }
        Map<String, List<DataSetElement>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        select data_set_code, element_code, kind, required, section from data_set_element
                         where data_set_code in (:codes) order by data_set_code, sort_order""")
                .param("codes", byCode.keySet())
                .query((rs, i) -> lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new DataSetElement(rs.getString(2), ValueKind.valueOf(rs.getString(3)), rs.getBoolean(4),
                                rs.getString(5)))).list();
        return byCode.values().stream().map(f -> new DataSet(f.code(), f.name(), f.periodType(), f.unitKinds(),
                f.dueDays(), f.description(), f.sortOrder(), lines.getOrDefault(f.code(), List.of()), f.approverKind()))
                .toList();
    }

    private static DataSet form(ResultSet rs, int row) throws SQLException {
        Set<OrgUnitKind> kinds = EnumSet.noneOf(OrgUnitKind.class);
        Arrays.stream(rs.getString("unit_kinds").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(k -> kinds.add(OrgUnitKind.valueOf(k)));
        return new DataSet(rs.getString("code"), rs.getString("name"), PeriodType.valueOf(rs.getString("period_type")),
                kinds, rs.getInt("due_days"), rs.getString("description"), rs.getInt("sort_order"), List.of(),
                rs.getString("approver_kind") == null ? null : OrgUnitKind.valueOf(rs.getString("approver_kind")));
    }

    private static String kinds(Set<OrgUnitKind> kinds) {
        return kinds.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
