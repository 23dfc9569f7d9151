package vn.kehoach.exchange;

import java.util.List;

/**
 * A DHIS2 {@code dataValueSet}: optional set-level data set, complete date, period, org unit and attribute
 * option combo (which values lacking their own inherit when read), and the data values.
 */
public record Dhis2DataValueSet(String dataSet, String completeDate, String period, String orgUnit,
                                String attributeOptionCombo, List<Dhis2DataValue> dataValues) {

    public Dhis2DataValueSet {
        dataValues = List.copyOf(dataValues);
    }
}
