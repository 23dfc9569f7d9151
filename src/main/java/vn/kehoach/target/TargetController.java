package vn.kehoach.target;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/** Read-only REST access to plan targets. */
@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "Chỉ tiêu kế hoạch", description = "Chỉ tiêu được giao: cấp giao, hướng, quyết định")
class TargetController {

    private final Targets targets;
    private final OrgUnits orgUnits;

    TargetController(Targets targets, OrgUnits orgUnits) {
        this.targets = targets;
        this.orgUnits = orgUnits;
    }

    @GetMapping
    @Operation(summary = "Chỉ tiêu kế hoạch, lọc theo đơn vị, kỳ và chỉ tiêu")
    List<Target> list(@RequestParam(required = false) String orgUnit,
                      @RequestParam(required = false) String period,
                      @RequestParam(required = false) String figure) {
        return targets.list(orgUnit == null ? null : orgUnits.require(orgUnit),
                period == null ? null : Period.parse(period), figure);
    }
}
