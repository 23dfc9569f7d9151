package vn.kehoach.exchange;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Sector;

/**
 * Resolves the form code of {@code kehoach template --form}. Until forms (data sets) exist as their own module, a
 * form is a sector: form {@code NN} holds every data element of sector NN, in catalog order. This class is the one
 * place to point at the data-set module's definitions once it exists.
 */
@Service
public class TemplateForms {

    private final Catalog catalog;

    public TemplateForms(Catalog catalog) {
        this.catalog = catalog;
    }

    public Optional<TemplateForm> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return catalog.findSector(code).map(s -> new TemplateForm(s.code(), s.name(), elementsOf(s)));
    }

    /** Every form, for the download page. */
    public List<TemplateForm> all() {
        return catalog.sectors().stream().map(s -> new TemplateForm(s.code(), s.name(), elementsOf(s)))
                .filter(f -> !f.elementCodes().isEmpty()).toList();
    }

    private List<String> elementsOf(Sector s) {
        return catalog.elements().stream().filter(e -> s.code().equals(e.sectorCode())).map(DataElement::code).toList();
    }
}
