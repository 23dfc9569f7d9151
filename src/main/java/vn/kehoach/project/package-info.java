/**
 * Public investment and the budget (đầu tư công, ngân sách): projects and works with the commune(s) they lie in,
 * their capital allocated per plan year and source and every disbursement, checked against the allocation and the
 * plan year and kept to the actor's scope; the disbursement rate to any date, the district's programme, the works
 * handed over and the projects behind schedule. The project registers are the source of truth of the aggregate
 * disbursement and handover figures, which {@link vn.kehoach.project.Projects} writes through the data-value API.
 * The budget-line tree arranges catalog figures as revenue and expenditure and reads their comparisons with each
 * issuer's estimate from the comparison engine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"document :: spi", "orgunit", "period", "catalog", "security", "access",
        "format", "audit", "datavalue", "target", "comparison", "demo"})
package vn.kehoach.project;
