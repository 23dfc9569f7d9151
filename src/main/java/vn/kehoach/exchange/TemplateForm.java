package vn.kehoach.exchange;

import java.util.List;

/** A form (biểu mẫu) as a template needs it: its code, its name and the data elements a unit reports on it. */
public record TemplateForm(String code, String name, List<String> elementCodes) {

    public TemplateForm {
        elementCodes = List.copyOf(elementCodes);
    }
}
