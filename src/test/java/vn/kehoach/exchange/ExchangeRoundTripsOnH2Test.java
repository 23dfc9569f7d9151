package vn.kehoach.exchange;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.TestDb;

class ExchangeRoundTripsOnH2Test extends ExchangeRoundTrips {

    static final String DB = TestDb.freshH2();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, DB);
    }

    @Override
    String freshDatabase() {
        return TestDb.freshH2();
    }

    @Override
    String ownDatabase() {
        return DB;
    }
}
