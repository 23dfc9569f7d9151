package vn.kehoach;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.demo.DemoDistrict;

/**
 * One server with the demo district on an embedded database, shared by the page tests that only read it or write
 * where no other one looks (the layout walk, the pickers, the user journeys, the English pages, the CSV downloads):
 * Spring keeps one context for every subclass, so the application starts and the demo loads once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SharedDemoOnH2 {

    @DynamicPropertySource
    static void sharedDemoDatabase(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected DemoDistrict demo;
    @Autowired
    protected JdbcClient jdbc;

    @BeforeAll
    void loadTheDemoOnce() {
        if (jdbc.sql("select count(*) from org_unit").query(Long.class).single() == 0) {
            demo.load("test");
        }
    }

    protected String base() {
        return "http://localhost:" + port;
    }
}
