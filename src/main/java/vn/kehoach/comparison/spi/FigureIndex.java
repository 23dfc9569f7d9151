package vn.kehoach.comparison.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import vn.kehoach.comparison.FigureSource;
import vn.kehoach.orgunit.OrgUnit;

/**
 * An index of the stored values in memory that gives the comparison engine the figures of many units at once,
 * aggregated over each unit's subtree and over time by the catalog's rules, as the engine's own reading of the
 * database does. The engine asks only where the index holds everything the answer needs: calendar periods, actual
 * values and estimates (no preliminary figure in the units' subtrees), the units' present subtrees (no
 * reorganisation touched them), the latest vintage (no "as of").
 */
public interface FigureIndex {

    /**
     * True when the index is in memory in this process and may answer: the engine asks the database nothing on its
     * behalf (whether a subtree holds preliminary figures) when it is not.
     */
    boolean ready();

    /**
     * Runs {@code use} with the figures of each unit (in the units' order), all read from one consistent view of the
     * index, and returns its result; empty when the index cannot answer now: it is not in memory in this process (a
     * short-lived command never builds it for one question), or it does not know one of the units.
     */
    <T> Optional<T> read(List<OrgUnit> units, Function<List<FigureSource>, T> use);
}
