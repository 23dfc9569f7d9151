package vn.kehoach.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Read-only REST access to the catalog. */
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
