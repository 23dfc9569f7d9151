/**
 * Plan targets (chỉ tiêu kế hoạch): the value a figure should reach for an org unit and period, who set
 * it (tỉnh giao, HĐND huyện giao, UBND huyện giao) by which decision, in which direction (at least, at most,
 * above, below, about, a range), as a level or as a change on last year. One figure may have several.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "orgunit", "period", "audit", "format", "security", "access", "problem"})
package vn.kehoach.target;
