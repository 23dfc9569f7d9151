/**
 * What modules above comparisons plug into them: {@link vn.kehoach.comparison.spi.FigureIndex}, an in-memory index
 * of stored values that the engine reads instead of the database where it can (the analytics engine's column index),
 * while comparisons know nothing of analytics.
 */
@org.springframework.modulith.NamedInterface("spi")
package vn.kehoach.comparison.spi;
