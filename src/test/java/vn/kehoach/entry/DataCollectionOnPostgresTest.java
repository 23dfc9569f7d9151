package vn.kehoach.entry;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.TestDb;

class DataCollectionOnPostgresTest extends DataCollectionContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }
}
