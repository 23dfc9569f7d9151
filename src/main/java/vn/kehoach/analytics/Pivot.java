package vn.kehoach.analytics;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import vn.kehoach.format.Numbers;

/**
 * A computed pivot table: the headers of its rows and columns (one item per dimension of the axis, outermost
 * first), the dimensions used as filters, and a cell per row and column.
 */
public record Pivot(@JsonProperty("row_dimensions") List<Dimension> rowDimensions,
                    @JsonProperty("column_dimensions") List<Dimension> columnDimensions,
                    @JsonProperty("filters") List<Item> filters,
                    @JsonProperty("rows") List<Header> rows,
                    @JsonProperty("columns") List<Header> columns,
                    @JsonProperty("cells") List<List<Cell>> cells) {

    /** One item of a dimension: a figure, an org unit, a period or a kind; {@code total} for a total row. */
    public record Item(@JsonProperty("dimension") Dimension dimension, @JsonProperty("code") String code,
                       @JsonProperty("name") String name) {
    }

    /** The items that place a row or a column; {@code total} when it is the total over the axis. */
    public record Header(@JsonProperty("items") List<Item> items, @JsonProperty("total") boolean total) {

        /** "Huyện Hạ Lang · 6 tháng đầu năm 2021". */
        @JsonIgnore
        public String label() {
            return String.join(" · ", items.stream().map(Item::name).toList());
        }
    }

    /**
     * One figure's value, computed exactly, and how it prints: rounded half-up to the figure's decimals with its
     * unit of measure ("7.380 tấn"). Illustrative (minh họa) or estimated (ước) when such a value went into it.
     */
    public record Cell(@JsonIgnore BigDecimal exact, @JsonProperty("decimals") int decimals,
                       @JsonProperty("unit") String unit, @JsonProperty("illustrative") boolean illustrative,
                       @JsonProperty("estimated") boolean estimated) {

        public static final Cell EMPTY = new Cell(null, 0, "", false, false);

        /** The value rounded as it prints: what the API and exports give. */
        @JsonProperty("value")
        public BigDecimal value() {
            return exact == null ? null : Numbers.normal(Numbers.round(exact, decimals));
        }

        /** "7.380", the Vietnamese way, without the unit. */
        @JsonProperty("formatted")
        public String formatted() {
            return Numbers.vi().format(exact, decimals);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return exact == null;
        }
    }

    public Cell cell(int row, int column) {
        return cells.get(row).get(column);
    }
}
