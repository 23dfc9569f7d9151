/**
 * The administrative tree (đơn vị hành chính): any depth, any kinds, plus agencies (cơ quan chuyên môn)
 * as reporting units under the unit they serve. Every unit keeps its materialised path, so a subtree is
 * one indexed prefix query. The one place that knows the tree.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "audit", "problem"})
package vn.kehoach.orgunit;
