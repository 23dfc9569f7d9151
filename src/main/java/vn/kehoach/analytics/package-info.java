/**
 * Analytics (phân tích): pivot tables of any figures by org unit at any level, period of any type and kind, with
 * totals by each element's aggregation and indicators evaluated after aggregation; the dashboard of the year's key
 * targets with its charts; and the year-end forecast with its early warnings ("có nguy cơ không đạt"). Answers at
 * national scale from an in-memory column index of every stored value, kept current on every node by the database's
 * change feed (data_change), and computes the same figures, to the digit, as the comparison engine.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"datavalue", "target", "catalog", "orgunit", "period", "comparison", "comparison :: spi", "format",
                "security", "audit", "approval", "dataset"})
package vn.kehoach.analytics;
