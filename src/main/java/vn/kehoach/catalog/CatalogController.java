package vn.kehoach.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * REST access to the catalog: reading for everyone signed in; creating or updating sectors, data elements and
 * indicators for the planners and administrators of a root unit (the service decides). A refusal is problem+json
 * naming the field ({@code formula}, {@code unitCode}…) and listing each problem of a formula.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Danh mục", description = "Đơn vị tính, lĩnh vực, chỉ tiêu thu thập và chỉ tiêu tính toán")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/units")
    @Operation(summary = "Đơn vị tính và hệ số quy đổi")
    List<MeasureUnit> units() {
        return catalog.units();
    }

    @GetMapping("/sectors")
    @Operation(summary = "Lĩnh vực")
    List<Sector> sectors() {
        return catalog.sectors();
    }

    /** A sector as sent: code, name, the larger group ({@code field}), its place in lists. */
    record SectorRequest(String code, String name, String field, Integer sortOrder) {
    }

    @PostMapping("/sectors")
    @Operation(summary = "Thêm hoặc sửa một lĩnh vực (kế hoạch, quản trị ở đơn vị gốc)")
    Sector saveSector(@RequestBody SectorRequest s) {
        return catalog.saveSector(s.code(), s.name(), s.field(), s.sortOrder());
    }

    @PostMapping("/dataElements")
    @Operation(summary = "Thêm hoặc sửa một chỉ tiêu thu thập: đơn vị tính, cách cộng theo cây và theo thời gian, "
            + "chiều tốt, kiểu giá trị, giá trị cho phép (minValue, maxValue)")
    DataElement saveElement(@RequestBody ElementDraft e) {
        return catalog.saveElement(e);
    }

    @PostMapping("/indicators")
    @Operation(summary = "Thêm hoặc sửa một chỉ tiêu tính toán; công thức được kiểm tra trước khi lưu (mã không có, "
            + "vòng tròn, chia cho số có thể bằng 0 trừ khi zeroDivisorAccepted, lỗi cú pháp và vị trí)")
    Indicator saveIndicator(@RequestBody IndicatorDraft i) {
        return catalog.saveIndicator(i);
    }

    /** A formula to check without storing it. */
    record FormulaRequest(String code, String formula) {
    }

    @PostMapping("/formulaCheck")
    @Operation(summary = "Kiểm tra một công thức mà không lưu: lỗi (errors) và phép chia có thể chia cho 0 (zeroDivisors)")
    FormulaCheck check(@RequestBody FormulaRequest f) {
        return catalog.checkFormula(f.code() == null || f.code().isBlank() ? "_" : f.code(), f.formula());
    }

    @GetMapping("/dataElements")
    @Operation(summary = "Chỉ tiêu thu thập (data elements)")
    List<DataElement> dataElements() {
        return catalog.elements();
    }

    @GetMapping("/indicators")
    @Operation(summary = "Chỉ tiêu tính toán (indicators) và công thức")
    List<Indicator> indicators() {
        return catalog.indicators();
    }

    @GetMapping("/figures/{code}")
    @Operation(summary = "Một chỉ tiêu (thu thập hoặc tính toán) theo mã")
    Figure figure(@PathVariable String code) {
        return catalog.figure(code);
    }
}
