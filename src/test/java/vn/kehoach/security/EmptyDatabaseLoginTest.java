package vn.kehoach.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.TestDb;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;

/** The sign-in page of a server on a fresh, empty PostgreSQL database: it says how to start, never a password. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmptyDatabaseLoginTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAnyAccountTheLoginPageNamesKehoachInitAndNoPasswordThenStopsOnceAnAccountExists() throws Exception {
        HttpResponse<String> empty = get("/login");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Cơ sở dữ liệu này chưa có tài khoản nào")
                .contains("kehoach init --unit … --name … --kind … --admin …")
                .contains("không có mật khẩu mặc định")
                .doesNotContainIgnoringCase("mật khẩu: demo").doesNotContain("'demo'");
        assertThat(get("/login?lang=en").body()).contains("This database has no accounts yet");

        orgUnits.save(new OrgUnitDraft("CAOBANG", "Tỉnh Cao Bằng", OrgUnitKind.PROVINCE, null, null, null));
        users.create("quantri", "mat-khau-dai-du", null, Set.of(Role.ADMIN), "CAOBANG", "test");
        HttpResponse<String> withAccount = get("/login");
        assertThat(withAccount.statusCode()).isEqualTo(200);
        assertThat(withAccount.body()).doesNotContain("chưa có tài khoản").doesNotContain("kehoach init");
        assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isEqualTo(1);
    }
}
