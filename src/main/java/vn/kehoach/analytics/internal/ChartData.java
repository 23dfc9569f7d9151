package vn.kehoach.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.kehoach.format.Numbers;

/**
 * What a chart draws, formatted on the server the way the tables print it: each data point carries its printed text
 * ({@code {"value": 7380, "text": "7.380"}}), and a value axis carries its scale and the printed text of each tick
 * ({@code "ticks": {"2000": "2.000"}}). {@code static/js/charts.js} draws these texts; the browser formats nothing,
 * so a chart says "7.380" and "93,4%" exactly where its table does.
 */
final class ChartData {

    private ChartData() {
    }

    /** A data point: its value (rounded as printed) and its text, or null where there is no value. */
    static Map<String, Object> point(BigDecimal value, int decimals, String suffix) {
        if (value == null) {
            return null;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("value", Numbers.normal(Numbers.round(value, decimals)));
        p.put("text", Numbers.vi().format(value, decimals) + (suffix == null ? "" : suffix));
        return p;
    }

    /** A point with a note after the number: "7.410 (đến 6/2020)". */
    static Map<String, Object> point(BigDecimal value, int decimals, String suffix, String note) {
        Map<String, Object> p = point(value, decimals, suffix);
        if (p != null && note != null && !note.isEmpty()) {
            p.put("text", p.get("text") + " (" + note + ")");
        }
        return p;
    }

    /**
     * A value axis from zero (or below, for negative values) to a round maximum over the values, with about five
     * ticks, each printed the Vietnamese way ("2.000", "0,5", "20%").
     */
    static Map<String, Object> valueAxis(String name, Collection<BigDecimal> values, String suffix) {
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal min = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            if (v != null) {
                max = v.max(max);
                min = v.min(min);
            }
        }
        BigDecimal range = max.subtract(min);
        BigDecimal step = niceStep(range.signum() == 0 ? BigDecimal.ONE : range.divide(BigDecimal.valueOf(5), 10,
                RoundingMode.HALF_UP));
        BigDecimal top = max.divide(step, 0, RoundingMode.CEILING).multiply(step);
        BigDecimal bottom = min.divide(step, 0, RoundingMode.FLOOR).multiply(step);
        if (top.compareTo(max) == 0 && max.signum() > 0) {
            top = top.add(step); // room for the labels at the end of the bars
        }
        int decimals = Math.max(0, step.stripTrailingZeros().scale());
        Map<String, Object> ticks = new LinkedHashMap<>();
        for (BigDecimal t = bottom; t.compareTo(top) <= 0; t = t.add(step)) {
            ticks.put(key(t), Numbers.vi().format(t, decimals) + (suffix == null ? "" : suffix));
        }
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "value");
        if (name != null) {
            axis.put("name", name);
        }
        axis.put("min", Numbers.normal(bottom));
        axis.put("max", Numbers.normal(top));
        axis.put("interval", Numbers.normal(step));
        axis.put("ticks", ticks);
        return axis;
    }

    /** How the browser writes the number of a tick (String(2000) = "2000", String(0.5) = "0.5"). */
    static String key(BigDecimal v) {
        return Numbers.machine(Numbers.normal(v));
    }

    /** 1, 2, 2,5 or 5 times a power of ten, at least the rough step. */
    static BigDecimal niceStep(BigDecimal rough) {
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(rough.precision() - rough.scale() - 1);
        for (String m : List.of("1", "2", "2.5", "5", "10")) {
            BigDecimal s = power.multiply(new BigDecimal(m));
            if (s.compareTo(rough) >= 0) {
                return s.stripTrailingZeros();
            }
        }
        return power.multiply(BigDecimal.TEN).stripTrailingZeros();
    }

    /** The values of points, for an axis. */
    static List<BigDecimal> values(List<Map<String, Object>> points) {
        List<BigDecimal> out = new ArrayList<>();
        for (Map<String, Object> p : points) {
            if (p != null) {
                out.add((BigDecimal) p.get("value"));
            }
        }
        return out;
    }
}
