package vn.kehoach.exchange;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSetElement;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Sector;

/**
 * Resolves the form code of {@code kehoach template --form}: a form (data set, such as NN_6T_XA) with its elements in
 * its order, or else a sector, whose form holds every data element of the sector in catalog order.
 */
@Service
public class TemplateForms {

    private final Catalog catalog;
    private final DataSets dataSets;

    public TemplateForms(Catalog catalog, DataSets dataSets) {
        this.catalog = catalog;
        this.dataSets = dataSets;
    }

    public Optional<TemplateForm> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<TemplateForm> form = dataSets.find(code).map(TemplateForms::of);
        return form.isPresent() ? form
                : catalog.findSector(code).map(s -> new TemplateForm(s.code(), s.name(), elementsOf(s)));
    }

    /** Every form, for the download page: the data sets, then one per sector. */
    public List<TemplateForm> all() {
        List<TemplateForm> out = new java.util.ArrayList<>(dataSets.all().stream().map(TemplateForms::of).toList());
        catalog.sectors().stream().map(s -> new TemplateForm(s.code(), s.name(), elementsOf(s)))
                .filter(f -> !f.elementCodes().isEmpty()).forEach(out::add);
        return out;
    }

    private static TemplateForm of(DataSet d) {
        return new TemplateForm(d.code(), d.name(), d.elements().stream().map(DataSetElement::elementCode).distinct().toList());
    }

    private List<String> elementsOf(Sector s) {
        return catalog.elements().stream().filter(e -> s.code().equals(e.sectorCode())).map(DataElement::code).toList();
    }
}
