package vn.kehoach.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.datavalue.DataValueChanged;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Periods;

/**
 * Keeps the column index current: built from the database in one streamed pass on first use (or when the web
 * server is ready), then changed value by value as the database's change feed ({@link ChangeFeed}, the
 * {@code data_change} rows its triggers write) reports changes — this node's own, another node's, the command line's.
 * A node's own save is applied on the saving thread right after its commit ({@link DataValueChanged} marks the
 * transaction), so it is in the next query; another's within a second. A value for an org unit the index does not
 * know, or changed org units, mark the index stale: the next query rebuilds it. Queries read under a read lock; a
 * change takes the write lock for the few microseconds of storing a long.
 */
@Component
public class IndexKeeper {

    private static final Logger log = LoggerFactory.getLogger(IndexKeeper.class);

    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final Periods periods;
    private final ColumnLoader loader;
    private final boolean warmUp;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object buildLock = new Object();
    private final ChangeFeed feed;
    private volatile ColumnIndex index;
    private volatile boolean stale;

    public IndexKeeper(Catalog catalog, OrgUnits orgUnits, Periods periods, ColumnLoader loader,
                       DataSource dataSource, @Value("${kehoach.analytics.warm-up:true}") boolean warmUp) {
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.periods = periods;
        this.loader = loader;
        this.warmUp = warmUp;
        this.feed = new ChangeFeed(dataSource, new ChangeFeed.Sink() {
            @Override
            public void values(List<DataValueChanged> values) {
                applyAll(values);
            }

            @Override
            public void catalogChanged() {
                snapshot = null;
            }

            @Override
            public void rebuildNeeded() {
                stale = true;
            }
        });
    }

    /**
     * Runs the function on an evaluation of the current index, read-locked, with the catalog as it was at most
     * {@link #CATALOG_MAX_AGE_MS} ago: a changed aggregation rule or formula shows within a second, as a saved value
     * does, and a national pivot does not wait for two catalog queries.
     */
    public <T> T read(Function<Evaluation, T> query) {
        ColumnIndex current = current();
        CatalogSnapshot c = catalogSnapshot();
        lock.readLock().lock();
        try {
            return query.apply(new Evaluation(current, c.elements, c.indicators));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Builds the index again from the database and puts it in place; returns how many values it holds. The change
     * feed's position is taken before the tables are read, and what changed since is applied to the new index (a
     * change read both ways leaves the stored value: the feed applies the value stored now).
     */
    public long rebuild() {
        synchronized (buildLock) {
            long mark = feed.position();
            ColumnIndex built = build();
            lock.writeLock().lock();
            try {
                index = built;
                stale = built.incomplete;
            } finally {
                lock.writeLock().unlock();
            }
            feed.follow(mark);
            return built.size()[0];
        }
    }

    /** The index last seen holding a value: it is built and non-empty, with no count of its values needed again. */
    private volatile ColumnIndex seenHolding;

    /**
     * True when the index is built and holds a value (or has held one: a value deleted since leaves an index the
     * change feed keeps right). Counting the values (what {@link #size()} does) reads every column's bits, a few
     * milliseconds at the national scale: asked once, not on every comparison.
     */
    public boolean holdsValues() {
        ColumnIndex current = index;
        if (current == null) {
            return false;
        }
        if (current == seenHolding) {
            return true;
        }
        if (current.size()[0] > 0) {
            seenHolding = current;
            return true;
        }
        return false;
    }

    /** How many values the index holds and the bytes of its arrays; zeros before it is built. */
    public long[] size() {
        ColumnIndex current = index;
        return current == null ? new long[] {0, 0} : current.size();
    }

    /**
     * A value is being saved in the current transaction: once it commits, this thread reads the feed (one query for
     * the whole transaction, however many values it saved), so the value is in the saver's next query.
     */
    @EventListener
    void changed(DataValueChanged change) {
        if (index == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            feed.catchUp(System.nanoTime());
            return;
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                feed.catchUp(System.nanoTime());
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(IndexKeeper.this);
            }
        });
    }

    @PreDestroy
    void stop() {
        feed.stop();
    }

    private void applyAll(List<DataValueChanged> changes) {
        ColumnIndex current = index;
        if (current == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            for (DataValueChanged c : changes) {
                apply(current, c);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    // The condition is read before the bean is asked for: a command (warm-up off, beans lazy) does not make the index
    // keeper, its catalog and loader just to learn that it has nothing to do.
    @EventListener(value = ApplicationReadyEvent.class,
            condition = "@environment.getProperty('kehoach.analytics.warm-up', 'true') != 'false'")
    void warmUp() {
        if (warmUp && index == null) {
            Thread t = new Thread(() -> {
                try {
                    current();
                } catch (RuntimeException e) {
                    log.warn("Chưa dựng được chỉ mục phân tích khi khởi động: {}", e.getMessage());
                }
            }, "analytics-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    static final long CATALOG_MAX_AGE_MS = 1000;

    private record CatalogSnapshot(Map<String, DataElement> elements, Map<String, Indicator> indicators, long at) {
    }

    private volatile CatalogSnapshot snapshot;

    private CatalogSnapshot catalogSnapshot() {
        CatalogSnapshot c = snapshot;
        long now = System.currentTimeMillis();
        if (c == null || now - c.at > CATALOG_MAX_AGE_MS) {
            c = new CatalogSnapshot(catalog.elements().stream()
                    .collect(Collectors.toMap(DataElement::code, Function.identity())), catalog.indicators().stream()
                    .collect(Collectors.toMap(Indicator::code, Function.identity())), now);
            snapshot = c;
        }
        return c;
    }

    private ColumnIndex current() {
        ColumnIndex current = index;
        if (current != null && !stale) {
            return current;
        }
        synchronized (buildLock) {
            if (index == null || stale) {
                long t0 = System.nanoTime();
                long values = rebuild();
                log.info("Chỉ mục phân tích: {} số liệu, dựng trong {} ms", values, (System.nanoTime() - t0) / 1_000_000);
            }
            return index;
        }
    }

    private void apply(ColumnIndex target, DataValueChanged c) {
        if (target.element(c.elementCode()) == null) {
            catalog.findElement(c.elementCode()).ifPresent(e -> target.addElement(e.id(), e.code()));
        }
        if (!target.put(c.elementCode(), c.orgUnitCode(), c.period(), c.kind(), c.value(), c.illustrative())) {
            stale = true;
        }
    }

    /** One pass over data_value, read by the loader (binary COPY on two connections on PostgreSQL). */
    private ColumnIndex build() {
        List<DataElement> elements = catalog.elements();
        ColumnIndex built = new ColumnIndex(orgUnits.all(), elements, periods.byId());
        List<Long> ids = elements.stream().map(DataElement::id).sorted().toList();
        // A unit or period created while the table was read: the next query builds again.
        built.incomplete = loader.load(built, ids);
        return built;
    }
}
