/**
 * What other modules may feed into plan documents: the public-investment projects of form 04 and of the list of
 * works handed over ({@link vn.kehoach.document.spi.InvestmentProjects}), and the plan tasks of Part 2
 * ({@link vn.kehoach.document.spi.PlanTasks}). A module implements an interface as a Spring bean; without one,
 * the document shows the catalog's figures and the planner's text blocks.
 */
@org.springframework.modulith.NamedInterface("spi")
package vn.kehoach.document.spi;
