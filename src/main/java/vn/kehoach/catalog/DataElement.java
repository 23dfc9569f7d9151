package vn.kehoach.catalog;

/** A data element (chỉ tiêu thu thập): a figure that units report. */
public record DataElement(long id, String code, String name, String unitCode, ValueType valueType,
                          TreeAggregation treeAggregation, TimeAggregation timeAggregation, String weightElement,
                          Polarity polarity, String sectorCode, String agencyCode, int decimals, int pctDecimals,
                          int sortOrder, String description) implements Figure {

    public DataElement {
        Codes.check(code, "chỉ tiêu");
        if (treeAggregation == TreeAggregation.WEIGHTED_AVERAGE && (weightElement == null || weightElement.isBlank())) {
            throw new IllegalArgumentException("chỉ tiêu '" + code + "': bình quân gia quyền cần chỉ tiêu trọng số");
        }
        if (decimals < 0 || pctDecimals < 0) {
            throw new IllegalArgumentException("chỉ tiêu '" + code + "': số chữ số thập phân không được âm");
        }
    }
}
