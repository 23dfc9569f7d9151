package vn.kehoach.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Figures grouped by their sector (lĩnh vực), for the {@code <optgroup>}s of a figure picker: the sectors in the
 * catalog's order, each with its figures in the order given; figures without a known sector last, under
 * {@link #OTHER}. Templates call it as {@code @figureGroups.of(figures)}.
 */
@Component("figureGroups")
public class FigureGroups {

    /** The name of the last group, of figures that belong to no sector. */
    public static final String OTHER = "Khác";

    /** One sector and its figures. */
    public record Group(String code, String name, List<Figure> figures) {
    }

    private final Catalog catalog;

    public FigureGroups(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<Group> of(List<? extends Figure> figures) {
        Map<String, Group> bySector = new LinkedHashMap<>();
        for (Sector s : catalog.sectors()) {
            bySector.put(s.code(), new Group(s.code(), s.name(), new ArrayList<>()));
        }
        Group other = new Group("", OTHER, new ArrayList<>());
        for (Figure f : figures) {
            Group g = f.sectorCode() == null ? null : bySector.get(f.sectorCode());
            (g == null ? other : g).figures().add(f);
        }
        List<Group> out = new ArrayList<>(bySector.values().stream().filter(g -> !g.figures().isEmpty()).toList());
        if (!other.figures().isEmpty()) {
            out.add(other);
        }
        return out;
    }
}
