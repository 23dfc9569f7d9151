package vn.kehoach.security;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;

/** The org units the current actor may look at: their unit and its subtree (every root for the system). */
@Service
public class Scopes {

    private final Actors actors;
    private final OrgUnits orgUnits;

    public Scopes(Actors actors, OrgUnits orgUnits) {
        this.actors = actors;
        this.orgUnits = orgUnits;
    }

    /** The tops of what the actor may see: their own unit, or every root for the system actor. */
    public List<OrgUnit> roots() {
        Actor a = actors.current();
        if (a.orgUnitCode() == null) {
            return a == Actor.SYSTEM ? orgUnits.roots() : List.of();
        }
        return List.of(orgUnits.require(a.orgUnitCode()));
    }

    /** The unit with this code if the actor may see it; an unknown code or one outside the scope is refused. */
    public OrgUnit visible(String code) {
        OrgUnit unit = orgUnits.require(code);
        actors.checkCanSee(unit);
        return unit;
    }

    /** The actor's own unit, or the first root for the system actor; null when there is none. */
    public OrgUnit home() {
        return roots().stream().findFirst().orElse(null);
    }
}
