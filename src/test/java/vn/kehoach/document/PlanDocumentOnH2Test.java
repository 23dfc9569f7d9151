package vn.kehoach.document;

import org.junit.jupiter.api.Nested;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.TestDb;

class PlanDocumentOnH2Test extends PlanDocumentContract {

    /** The documents of a commune and a province, in this class's context (no second Spring context). */
    @Nested
    class ByLevel extends WordingByLevel {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
    }
}
