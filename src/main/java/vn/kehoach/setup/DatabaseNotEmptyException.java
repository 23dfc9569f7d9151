package vn.kehoach.setup;

import vn.kehoach.problem.Problem;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.problem.Refusal;

/** The first run refused because the database already holds org units or users: it would overwrite someone's start. */
public class DatabaseNotEmptyException extends IllegalStateException implements Refusal {

    public DatabaseNotEmptyException(int orgUnits, int users) {
        super("Cơ sở dữ liệu đã được khởi tạo (" + orgUnits + " đơn vị, " + users + " người dùng): kehoach init chỉ chạy "
                + "trên cơ sở dữ liệu trống và không thay đổi gì. Thêm đơn vị bằng kehoach unit add, người dùng bằng "
                + "kehoach user add.");
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.CONFLICT, getMessage());
    }
}
