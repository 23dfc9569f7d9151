package vn.kehoach.exchange;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.UnknownCodeException;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.exchange.internal.TemplateWriter;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;

/**
 * Makes Excel templates (biểu mẫu nhập liệu) for a form, an org unit and a period: what the unit stores now
 * in the value cells, last year's value beside each, ready to fill in and import with {@link FileImport}.
 */
@Service
@Transactional(readOnly = true)
public class TemplateWorkbooks {

    private final TemplateForms forms;
    private final Catalog catalog;
    private final DataValues dataValues;
    private final Scopes scopes;
    private final Actors actors;

    public TemplateWorkbooks(TemplateForms forms, Catalog catalog, DataValues dataValues, Scopes scopes, Actors actors) {
        this.forms = forms;
        this.catalog = catalog;
        this.dataValues = dataValues;
        this.scopes = scopes;
        this.actors = actors;
    }

    /** The form the request names, or its list of elements as a form of its own. */
    public TemplateForm form(TemplateRequest request) {
        if (!request.elementCodes().isEmpty()) {
            List<String> codes = new ArrayList<>();
            for (String c : request.elementCodes()) {
                codes.add(catalog.findElement(c).orElseThrow(() -> new UnknownCodeException("chỉ tiêu", c)).code());
            }
            String code = request.formCode() == null || request.formCode().isBlank() ? null : request.formCode();
            return new TemplateForm(code, code == null ? "Chỉ tiêu chọn" : code, codes);
        }
        return forms.find(request.formCode()).orElseThrow(() -> new IllegalArgumentException("không có biểu mẫu mã '"
                + request.formCode() + "'; biểu mẫu hiện là các lĩnh vực: " + forms.all().stream()
                .map(TemplateForm::code).toList()));
    }

    public void write(TemplateRequest request, OutputStream out) {
        OrgUnit unit = scopes.visible(request.orgUnitCode());
        TemplateForm form = form(request);
        Period period = request.period();
        List<TemplateWriter.Item> items = new ArrayList<>();
        for (String code : form.elementCodes()) {
            DataElement e = catalog.element(code);
            Optional<DataValue> now = dataValues.find(code, unit.code(), period, request.kind());
            Optional<DataValue> last = dataValues.find(code, unit.code(), period.previousYear(), ValueKind.ACTUAL)
                    .or(() -> dataValues.find(code, unit.code(), period.previousYear(), ValueKind.ESTIMATE));
            String symbol = catalog.findUnit(e.unitCode()).map(MeasureUnit::symbol).orElse(e.unitCode());
            // A template of actual figures shows the estimate of a line that has no actual figure yet (marked).
            Optional<DataValue> estimate = request.kind() == ValueKind.ACTUAL && now.isEmpty()
                    ? dataValues.find(code, unit.code(), period, ValueKind.ESTIMATE) : Optional.empty();
            items.add(new TemplateWriter.Item(e, symbol, last.map(DataValue::value).orElse(null),
                    now.map(DataValue::value).orElse(null), now.map(DataValue::comment).orElse(null),
                    estimate.map(DataValue::value).orElse(null)));
        }
        TemplateWriter.write(form.code(), form.name(), unit, period, request.kind(), items, actors.current().username(), out);
    }
}
