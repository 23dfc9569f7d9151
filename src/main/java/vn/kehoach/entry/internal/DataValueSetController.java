package vn.kehoach.entry.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.audit.Source;
import vn.kehoach.entry.DataValueSet;
import vn.kehoach.entry.DataValueSets;
import vn.kehoach.entry.ImportSummary;

/**
 * {@code /api/v1/dataValueSets}, as DHIS2 has it: POST a set of values (codes as identifiers) and get the import
 * summary wrapped in DHIS2's web message — 200 when every value is stored, 409 Conflict when some (or, with
 * {@code atomicMode=ALL}, all) were refused; GET the values of a form, unit and period.
 */
@RestController
@RequestMapping("/api/v1/dataValueSets")
@Tag(name = "Bộ số liệu (DHIS2)", description = "Nhập và xuất số liệu theo định dạng dataValueSets của DHIS2, dùng mã")
class DataValueSetController {

    private final DataValueSets sets;

    DataValueSetController(DataValueSets sets) {
        this.sets = sets;
    }

    @PostMapping
    @Operation(summary = "Nhập bộ số liệu: mỗi số liệu sai được báo riêng, số liệu hợp lệ vẫn được lưu (atomicMode=ALL: sai một thì không lưu gì)")
    ResponseEntity<Map<String, Object>> importSet(
            @RequestBody DataValueSet set,
            @Parameter(description = "NONE (mặc định): lưu các số liệu hợp lệ; ALL: có số liệu bị từ chối thì không lưu gì")
            @RequestParam(defaultValue = "NONE") DataValueSets.AtomicMode atomicMode,
            @Parameter(description = "true: chỉ kiểm tra, không lưu") @RequestParam(defaultValue = "false") boolean dryRun) {
        ImportSummary summary = sets.importSet(set, atomicMode, dryRun, Source.API);
        boolean clean = summary.conflicts().isEmpty();
        HttpStatus http = clean ? HttpStatus.OK : HttpStatus.CONFLICT;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("httpStatus", clean ? "OK" : "Conflict");
        message.put("httpStatusCode", http.value());
        message.put("status", clean ? "OK" : summary.status() == ImportSummary.Status.ERROR ? "ERROR" : "WARNING");
        message.put("message", clean ? "Đã nhập xong." : summary.description() + "; xem từng lỗi trong response.conflicts.");
        message.put("response", summary);
        return ResponseEntity.status(http).body(message);
    }

    @GetMapping
    @Operation(summary = "Số liệu của một đơn vị và kỳ (children=true: cả cây con), chỉ các chỉ tiêu của biểu khi có dataSet")
    DataValueSet export(@RequestParam(required = false) String dataSet, @RequestParam String orgUnit,
                        @RequestParam String period, @RequestParam(defaultValue = "false") boolean children) {
        return sets.export(dataSet, orgUnit, period, children);
    }
}
