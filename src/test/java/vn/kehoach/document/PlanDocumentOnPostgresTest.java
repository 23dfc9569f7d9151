package vn.kehoach.document;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.TestDb;

class PlanDocumentOnPostgresTest extends PlanDocumentContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
        // The machine's PostgreSQL serves every suite at once: a cached context keeps no more than it needs.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 3);
    }
}
