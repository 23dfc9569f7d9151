package vn.kehoach.analytics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.TestDb;

class DemoAnalyticsOnH2Test extends DemoAnalytics {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDb.register(r, TestDb.freshH2());
    }
}
