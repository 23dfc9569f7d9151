package vn.kehoach.planning;

import java.time.Instant;

import vn.kehoach.orgunit.OrgUnit;

/**
 * One unit below in the cycle of its unit above.
 *
 * @param unit        the unit below
 * @param stage       where it stands
 * @param proposals   how many of the cycle's figures it has proposed
 * @param submittedAt when it sent its proposals (null when not sent, or returned)
 * @param submittedBy who sent them
 * @param returnReason why they were returned, when they were
 * @param allocated   how many figures the unit above has allocated to it
 */
public record PlanStatus(OrgUnit unit, Stage stage, int proposals, Instant submittedAt, String submittedBy,
                         String returnReason, int allocated) {
}
