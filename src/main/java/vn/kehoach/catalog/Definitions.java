package vn.kehoach.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Place;
import vn.kehoach.access.Resource;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;

/** The versions of the figures' definitions: each change dated, with what changed and why. */
@Service
public class Definitions {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Guard guard;
    private final MetadataAudit audit;

    public Definitions(JdbcClient jdbc, Catalog catalog, Guard guard, MetadataAudit audit) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.guard = guard;
        this.audit = audit;
    }

    /** Records the change (or updates the one of the same figure and day). */
    @Transactional
    public DefinitionChange save(DefinitionChange c, String user) {
        // A definition applies to the figure everywhere: only the top of the tree records one.
        guard.checkWrite(Resource.DEFINITION, Place.WHOLE);
        Figure figure = catalog.figure(c.figureCode());
        DefinitionChange before = all().stream()
                .filter(d -> d.figureCode().equals(c.figureCode()) && d.effectiveDate().equals(c.effectiveDate()))
                .findFirst().orElse(null);
        int n = jdbc.sql("""
                        update definition_change set description = :d, decision = :decision, illustrative = :ill
                         where figure_code = :code and effective_date = :day""")
                .param("d", c.description()).param("decision", c.decision()).param("ill", c.illustrative())
                .param("code", c.figureCode()).param("day", c.effectiveDate()).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into definition_change (figure_code, effective_date, description, decision, illustrative,
                           created_by, created_at)
                    values (:code, :day, :d, :decision, :ill, :user, :at)""")
                    .param("code", c.figureCode()).param("day", c.effectiveDate()).param("d", c.description())
                    .param("decision", c.decision()).param("ill", c.illustrative()).param("user", user)
                    .param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
        }
        audit.record(MetadataChange.between(Area.DEFINITION, null, c.figureCode(), figure.name(), before, c).by(user));
        return c;
    }

    /** Every change, by figure and day. */
    public List<DefinitionChange> all() {
        return jdbc.sql("""
                select figure_code, effective_date, description, decision, illustrative from definition_change
                 order by figure_code, effective_date""")
                .query((rs, i) -> new DefinitionChange(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5))).list();
    }

    /**
     * The first change of the figure, or of any element or indicator its formula reads, that lies between the two
     * periods' last days; empty when they are measured alike.
     */
    public Optional<DefinitionChange> between(Figure figure, LocalDate oneEnd, LocalDate otherEnd) {
        return between(figure, oneEnd, otherEnd, all());
    }

    /** As {@link #between(Figure, LocalDate, LocalDate)}, over changes already read. */
    public Optional<DefinitionChange> between(Figure figure, LocalDate oneEnd, LocalDate otherEnd,
                                              List<DefinitionChange> changes) {
        if (changes.stream().noneMatch(c -> c.separates(oneEnd, otherEnd))) {
            return Optional.empty();
        }
        Set<String> codes = new java.util.HashSet<>();
        codes.add(figure.code());
        if (figure instanceof Indicator ind) {
            codes.addAll(Formula.parse(ind.formula()).variables());
            codes.addAll(catalog.elementsOf(ind));
        }
        return changes.stream().filter(c -> codes.contains(c.figureCode()) && c.separates(oneEnd, otherEnd))
                .findFirst();
    }
}
