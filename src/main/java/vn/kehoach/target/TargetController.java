package vn.kehoach.target;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.period.Period;
import vn.kehoach.security.Scopes;

/** Read-only REST access to plan targets. */
@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "Chỉ tiêu kế hoạch", description = "Chỉ tiêu được giao: cấp giao, hướng, quyết định")
class TargetController {

    private final Targets targets;
    private final Scopes scopes;

    TargetController(Targets targets, Scopes scopes) {
        this.targets = targets;
        this.scopes = scopes;
    }

    @GetMapping
    @Operation(summary = "Chỉ tiêu kế hoạch, lọc theo đơn vị, kỳ và chỉ tiêu")
    List<Target> list(@RequestParam(required = false) String orgUnit,
                      @RequestParam(required = false) String period,
                      @RequestParam(required = false) String figure) {
        Period p = period == null ? null : Period.parse(period);
        if (orgUnit != null) {
            return targets.list(scopes.visible(orgUnit), p, figure);
        }
        return scopes.roots().stream().flatMap(r -> targets.listInSubtree(r, p, figure).stream()).toList();
    }
}
