package vn.kehoach.publication;

import java.math.BigDecimal;
import java.util.List;

/**
 * The budget disclosure forms of Thông tư 343/2016/TT-BTC as published for a unit's year, every cell printed the
 * Vietnamese way and, for the spreadsheet, its number.
 */
public record BudgetDisclosure(String unitName, int year, List<Form> forms, List<String> notes) {

    public BudgetDisclosure {
        forms = List.copyOf(forms);
        notes = List.copyOf(notes);
    }

    /**
     * One form: "Biểu số 71/CK-NSNN", its title as the Circular gives it and the columns after STT, Nội dung, ĐVT.
     */
    public record Form(String number, String title, List<String> columns, List<Line> lines) {
    }

    /** One line: its order ("1", "1.1"), label, depth in the tree, unit, printed cells and their numbers. */
    public record Line(String order, String label, int depth, String unit, List<String> cells, List<BigDecimal> values) {
    }
}
