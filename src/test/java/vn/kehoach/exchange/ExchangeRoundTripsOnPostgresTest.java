package vn.kehoach.exchange;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.TestDb;

class ExchangeRoundTripsOnPostgresTest extends ExchangeRoundTrips {

    static final String DB = TestDb.freshPostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, DB);
    }

    @Override
    String freshDatabase() {
        return TestDb.freshPostgres();
    }

    @Override
    String ownDatabase() {
        return DB;
    }
}
