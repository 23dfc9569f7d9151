package vn.kehoach.validation.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.security.Scopes;
import vn.kehoach.validation.RuleInput;
import vn.kehoach.validation.ValidationRule;
import vn.kehoach.validation.ValidationRules;
import vn.kehoach.validation.Violation;

/** REST access to validation rules: read them (all, or those over a form), preview one on stored values, save one. */
@RestController
@RequestMapping("/api/v1/validationRules")
@Tag(name = "Quy tắc kiểm tra", description = "Quy tắc kiểm tra số liệu: hai vế và phép so sánh; xem trước trên số liệu đã có")
class RuleApiController {

    /** What a preview answers: the rule as read, and what it would flag under the unit. */
    record Preview(ValidationRule rule, String orgUnit, int count, List<Violation> violations) {
    }

    private final ValidationRules rules;
    private final DataSets dataSets;
    private final Scopes scopes;

    RuleApiController(ValidationRules rules, DataSets dataSets, Scopes scopes) {
        this.rules = rules;
        this.dataSets = dataSets;
        this.scopes = scopes;
    }

    @GetMapping
    @Operation(summary = "Mọi quy tắc, hoặc các quy tắc đọc chỉ tiêu của một biểu (dataSet)")
    List<ValidationRule> list(@RequestParam(required = false) String dataSet) {
        return dataSet == null ? rules.all() : rules.ofForm(dataSets.require(dataSet));
    }

    @PostMapping("/preview")
    @Operation(summary = "Xem trước: quy tắc (chưa lưu) sẽ báo gì trên số liệu đã có của đơn vị (mặc định: đơn vị của "
            + "người dùng) và các đơn vị trực thuộc; không ghi gì")
    Preview preview(@RequestBody RuleInput input, @RequestParam(required = false) String orgUnit) {
        ValidationRule rule = rules.read(input);
        OrgUnit root = orgUnit == null ? scopes.home() : scopes.visible(orgUnit);
        if (root == null) {
            throw new IllegalArgumentException("Cần đơn vị (orgUnit) để xem trước quy tắc");
        }
        List<Violation> found = rules.preview(rule, root);
        return new Preview(rule, root.code(), found.size(), found);
    }

    /** Creates the rule (201) or replaces the one with the same code (200). */
    @PostMapping
    @Operation(summary = "Tạo hoặc thay một quy tắc: code, name, leftSide, operator, rightSide, rightSideAt, tolerancePct, "
            + "importance, message. Lỗi nêu trường sai. Chỉ cán bộ kế hoạch, quản trị ở đơn vị cấp cao nhất")
    ResponseEntity<ValidationRule> save(@RequestBody RuleInput input) {
        ValidationRule rule = rules.read(input);
        boolean existed = rules.find(rule.code()).isPresent();
        ValidationRule saved = rules.save(rule);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/validationRules?code=" + saved.code())).body(saved);
    }
}
