package vn.kehoach.exchange;

import java.util.EnumSet;
import java.util.Set;

import vn.kehoach.period.Period;

/**
 * What to export: the format, the org unit whose subtree to export (null: everything the user may see), one
 * period or all (null), which contents (the package formats), the DHIS2 code mapping and the SDMX dataflow.
 *
 * @param sdmxDataflow the dataflow the SDMX-CSV file belongs to, as AGENCY:ID(VERSION)
 */
public record ExportRequest(ExportFormat format, String orgUnitCode, Period period, Set<Content> contents,
                            Dhis2Mapping mapping, String sdmxDataflow) {

    /** What a package export holds. */
    public enum Content {
        /** Units of measure, sectors, org units, data elements, indicators. */
        CATALOG,
        VALUES,
        TARGETS;

        public static Content parse(String text) {
            return switch (text.strip().toLowerCase()) {
                case "catalog", "danh-muc" -> CATALOG;
                case "values", "so-lieu" -> VALUES;
                case "targets", "ke-hoach" -> TARGETS;
                default -> throw new IllegalArgumentException("nội dung '" + text
                        + "' không có; dùng catalog, values, targets");
            };
        }
    }

    public static final String DEFAULT_DATAFLOW = "VN_KEHOACH:DF_KTXH(1.0)";

    public ExportRequest {
        if (format == null) {
            throw new IllegalArgumentException("cần định dạng xuất");
        }
        contents = contents == null || contents.isEmpty() ? EnumSet.allOf(Content.class) : EnumSet.copyOf(contents);
        mapping = mapping == null ? Dhis2Mapping.identity() : mapping;
        sdmxDataflow = sdmxDataflow == null || sdmxDataflow.isBlank() ? DEFAULT_DATAFLOW : sdmxDataflow.strip();
    }

    public static ExportRequest of(ExportFormat format, String orgUnitCode, Period period) {
        return new ExportRequest(format, orgUnitCode, period, null, null, null);
    }

    /** The file name a download gets: kehoach-HALANG-2021S1.xlsx. */
    public String fileName() {
        String base = "kehoach" + (orgUnitCode == null ? "" : "-" + orgUnitCode.toUpperCase())
                + (period == null ? "" : "-" + period.id());
        return switch (format) {
            case DHIS2_JSON, DHIS2_CSV -> base + "-dhis2." + format.extension();
            case SDMX_CSV -> base + "-sdmx." + format.extension();
            default -> base + "." + format.extension();
        };
    }
}
