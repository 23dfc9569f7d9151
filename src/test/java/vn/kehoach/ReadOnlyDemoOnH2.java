package vn.kehoach;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.demo.DemoDistrict;

/**
 * One application (no server) with the demo district on an embedded database, shared by the tests that only read
 * it (the plan documents written from it, the sentences of their clauses): Spring keeps one context for every
 * subclass, so the application starts and the demo loads once for all of them. A test that writes anything belongs
 * elsewhere: the others would read it.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReadOnlyDemoOnH2 {

    @DynamicPropertySource
    static void readOnlyDemoDatabase(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
    }

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
}
