package vn.kehoach.dataset.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSetElement;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.period.PeriodType;

/** REST access to the forms (DHIS2's data sets): read them, and create or replace one with its lines. */
@RestController
@RequestMapping("/api/v1/dataSets")
@Tag(name = "Biểu nhập liệu", description = "Biểu (data set): chỉ tiêu, mục, loại đơn vị báo cáo, loại kỳ, hạn nộp, cấp duyệt")
class DataSetApiController {

    /**
     * A form as sent: the {@link DataSet} record's fields, read here so that a missing or bad one is named by this
     * service rather than lost in a JSON error.
     */
    record FormJson(String code, String name, PeriodType periodType, Set<OrgUnitKind> unitKinds, Integer dueDays,
                    String description, Integer sortOrder, List<LineJson> elements, OrgUnitKind approverKind) {

        DataSet form() {
            if (dueDays == null) {
                throw new IllegalArgumentException("biểu '" + code + "' cần hạn nộp: số ngày sau khi hết kỳ (dueDays)");
            }
            return new DataSet(code == null ? null : code.strip().toUpperCase(), name, periodType, unitKinds, dueDays,
                    description, sortOrder == null ? 0 : sortOrder,
                    elements == null ? List.of() : elements.stream().map(LineJson::line).toList(), approverKind);
        }
    }

    /** A line of a form as sent; {@code required} may be left out (not required). */
    record LineJson(String elementCode, ValueKind kind, Boolean required, String section) {

        DataSetElement line() {
            return new DataSetElement(elementCode, kind, Boolean.TRUE.equals(required), section);
        }
    }

    private final DataSets dataSets;

    DataSetApiController(DataSets dataSets) {
        this.dataSets = dataSets;
    }

    @GetMapping
    @Operation(summary = "Mọi biểu, theo thứ tự hiển thị")
    List<DataSet> list() {
        return dataSets.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Một biểu theo mã")
    DataSet one(@PathVariable String code) {
        return dataSets.require(code);
    }

    /** Creates the form (201) or replaces the one with the same code (200); every element must be in the catalog. */
    @PostMapping
    @Operation(summary = "Tạo hoặc thay một biểu: code, name, periodType, unitKinds, dueDays, approverKind (loại đơn vị "
            + "duyệt; trống: đơn vị cấp trên), elements [{elementCode, kind, required, section}]. Chỉ cán bộ kế hoạch, "
            + "quản trị ở đơn vị cấp cao nhất")
    ResponseEntity<DataSet> save(@RequestBody FormJson sent) {
        DataSet form = sent.form();
        boolean existed = dataSets.find(form.code()).isPresent();
        DataSet saved = dataSets.save(form);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/dataSets/" + saved.code())).body(saved);
    }
}
