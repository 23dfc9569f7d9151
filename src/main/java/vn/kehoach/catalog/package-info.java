/**
 * The catalog of what is measured: units of measure with their conversions (kg/tạ/tấn, đồng/triệu/tỷ),
 * sectors (lĩnh vực), data elements (chỉ tiêu thu thập) with their aggregation over the tree and over
 * time, and indicators (chỉ tiêu tính toán) whose formulas are evaluated after aggregation.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"period", "access", "audit", "problem", "format"})
package vn.kehoach.catalog;
