package vn.kehoach.replica.internal;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import com.zaxxer.hikari.HikariDataSource;

import vn.kehoach.replica.ReadReplica;

/**
 * The application's one data source when a replica is configured. Spring's lazy proxy takes no connection until a
 * transaction's first statement, by when the transaction manager has marked a read-only transaction's connection
 * read-only: such a connection comes from {@link ReplicaGate} (the replica when it has caught up, else the primary),
 * every other one — writes, connections without a transaction, Flyway, sessions, the scheduler — from the primary's
 * pool. {@code unwrap(HikariDataSource.class)} gives the primary's pool (the change feed's own connection copies its
 * settings).
 */
final class ReplicaRouting extends LazyConnectionDataSourceProxy implements ReadReplica, DisposableBean {

    private final HikariDataSource primary;
    private final HikariDataSource replica;
    private final ReplicaGate gate;

    ReplicaRouting(HikariDataSource primary, HikariDataSource replica, ReplicaGate gate) {
        super(primary);
        setReadOnlyDataSource(gate);
        this.primary = primary;
        this.replica = replica;
        this.gate = gate;
    }

    @Override
    public State state() {
        return gate.state();
    }

    @Override
    public long replicaReads() {
        return gate.replicaReads();
    }

    @Override
    public long primaryReads() {
        return gate.primaryReads();
    }

    @Override
    public long waits() {
        return gate.waits();
    }

    @Override
    public void destroy() {
        gate.stop();
        replica.close();
        primary.close();
    }
}
