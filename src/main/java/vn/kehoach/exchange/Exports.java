package vn.kehoach.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.exchange.internal.PackageFiles;
import vn.kehoach.exchange.internal.PackageRows;
import vn.kehoach.exchange.internal.SdmxCsv;
import vn.kehoach.exchange.internal.TableKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.PeriodType;
import vn.kehoach.security.Scopes;

/**
 * Exports what the acting user may see: the package (catalog, org units, values, targets) as CSV files, JSON or a
 * workbook; values as DHIS2 dataValueSets (JSON or CSV) through a code mapping; figures as SDMX-CSV 2.0.
 */
@Service
@Transactional(readOnly = true)
public class Exports {

    /** What an export left out, for the person to know (DHIS2 has no year-to-date periods). */
    public record Summary(int rows, List<String> notes) {
    }

    private final PackageRows packageRows;
    private final DataValues dataValues;
    private final SdmxCsv sdmx;
    private final Scopes scopes;

    public Exports(PackageRows packageRows, DataValues dataValues, SdmxCsv sdmx, Scopes scopes) {
        this.packageRows = packageRows;
        this.dataValues = dataValues;
        this.sdmx = sdmx;
        this.scopes = scopes;
    }

    /** Writes the export to the stream; an org unit outside the user's scope is refused. */
    public Summary write(ExportRequest request, OutputStream out) {
        List<OrgUnit> roots = roots(request);
        try {
            return switch (request.format()) {
                case CSV -> {
                    List<CsvFile> files = csvFiles(request);
                    zip(files, out);
                    yield new Summary(lines(files), List.of());
                }
                case JSON -> {
                    var rows = packageRows.rows(roots, request.period(), request.contents());
                    PackageFiles.json(rows, out);
                    yield new Summary(count(rows), List.of());
                }
                case XLSX -> {
                    var rows = packageRows.rows(roots, request.period(), request.contents());
                    PackageFiles.xlsx(rows, out);
                    yield new Summary(count(rows), List.of());
                }
                case DHIS2_JSON, DHIS2_CSV -> dhis2(request, roots, out);
                case SDMX_CSV -> {
                    sdmx.write(roots, request.period(), request.sdmxDataflow(), out);
                    yield new Summary(-1, List.of());
                }
            };
        } finally {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The CSV package as files (01_units.csv … 07_targets.csv), for a folder or a zip. */
    public List<CsvFile> csvFiles(ExportRequest request) {
        return PackageFiles.csv(packageRows.rows(roots(request), request.period(), request.contents()));
    }

    private Summary dhis2(ExportRequest request, List<OrgUnit> roots, OutputStream out) {
        Dhis2Mapping m = request.mapping();
        List<Dhis2DataValue> values = new ArrayList<>();
        int yearToDate = 0;
        for (OrgUnit root : roots) {
            for (DataValue v : dataValues.list(root, true, request.period(), null)) {
                if (v.period().type() == PeriodType.YEAR_TO_DATE) {
                    yearToDate++;
                    continue;
                }
                values.add(new Dhis2DataValue(m.element(v.elementCode()), v.period().id(), m.orgUnit(v.orgUnitCode()),
                        m.combo(v.kind()), m.attributeOptionCombo(), Numbers.machine(v.value()), v.updatedBy(), null,
                        v.updatedAt() == null ? null : v.updatedAt().atOffset(ZoneOffset.UTC).toString(), v.comment(),
                        false, false, 0));
            }
        }
        if (request.format() == ExportFormat.DHIS2_JSON) {
            Dhis2DataValueSets.write(new Dhis2DataValueSet(null, null, null, null, null, values), out);
        } else {
            Dhis2DataValueSets.writeCsv(values, out);
        }
        List<String> notes = yearToDate == 0 ? List.of() : List.of("bỏ qua " + yearToDate
                + " số liệu lũy kế (2021YTD09…): DHIS2 không có loại kỳ này");
        return new Summary(values.size(), notes);
    }

    private List<OrgUnit> roots(ExportRequest request) {
        if (request.orgUnitCode() != null && !request.orgUnitCode().isBlank()) {
            return List.of(scopes.visible(request.orgUnitCode()));
        }
        return scopes.roots();
    }

    private static void zip(List<CsvFile> files, OutputStream out) {
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (CsvFile f : files) {
                zip.putNextEntry(new ZipEntry(f.name()));
                zip.write(f.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lines(List<CsvFile> files) {
        return files.stream().mapToInt(f -> (int) f.content().lines().count() - 1).sum();
    }

    private static int count(Map<TableKind, List<Map<String, Object>>> rows) {
        return rows.values().stream().mapToInt(List::size).sum();
    }

    /** Every content, for callers that want the whole package. */
    public static EnumSet<ExportRequest.Content> everything() {
        return EnumSet.allOf(ExportRequest.Content.class);
    }
}
