package vn.kehoach.cli.internal;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;

/**
 * The unit a command works on when it takes one: the one named by {@code --unit}, else the database's only root
 * unit (the command line acts for the whole database, whose home is its root). With no root or several there is no
 * single answer, and the command stops and asks for {@code --unit} (bad input, exit code 2).
 */
final class UnitChoice {

    private UnitChoice() {
    }

    static OrgUnit of(ConfigurableApplicationContext ctx, String code) {
        OrgUnits units = ctx.getBean(OrgUnits.class);
        if (code != null && !code.isBlank()) {
            return units.require(code.strip());
        }
        List<OrgUnit> roots = units.roots();
        if (roots.size() == 1) {
            return roots.get(0);
        }
        throw new KeHoachCommand.UserError(roots.isEmpty()
                ? "Cơ sở dữ liệu chưa có đơn vị nào (chạy kehoach init): hãy tạo đơn vị rồi chọn bằng --unit MÃ"
                : "Cơ sở dữ liệu có " + roots.size() + " đơn vị cấp cao nhất ("
                        + String.join(", ", roots.stream().map(u -> u.code() + " " + u.name()).toList())
                        + "): hãy chọn đơn vị bằng --unit MÃ");
    }
}
