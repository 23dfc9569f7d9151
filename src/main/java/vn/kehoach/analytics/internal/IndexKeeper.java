package vn.kehoach.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.datavalue.DataValueChanged;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Periods;

/**
 * Keeps the column index current: built from the database in one streamed pass on first use (or when the web
 * server is ready), then changed value by value as {@link DataValueChanged} events arrive after their transaction
 * commits, so a saved value is in the next query. Changes that arrive while the index is being built are kept and
 * applied once it is in place. A value for an org unit the index does not know (a unit created since) marks the
 * index stale: the next query rebuilds it. Queries read under a read lock; a change takes the write lock for the
 * few microseconds of storing a long.
 */
@Component
public class IndexKeeper {

    private static final Logger log = LoggerFactory.getLogger(IndexKeeper.class);

    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final Periods periods;
    private final DataValues dataValues;
    private final ColumnLoader loader;
    private final boolean warmUp;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object buildLock = new Object();
    private volatile ColumnIndex index;
    private volatile boolean stale;
    /** Changes that came while a build was reading the table; null when no build runs. */
    private List<DataValueChanged> pending;

    public IndexKeeper(Catalog catalog, OrgUnits orgUnits, Periods periods, DataValues dataValues, ColumnLoader loader,
                       @Value("${kehoach.analytics.warm-up:true}") boolean warmUp) {
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.periods = periods;
        this.dataValues = dataValues;
        this.loader = loader;
        this.warmUp = warmUp;
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

    /** Builds the index again from the database and puts it in place; returns how many values it holds. */
    public long rebuild() {
        synchronized (buildLock) {
            synchronized (this) {
                pending = new ArrayList<>();
            }
            ColumnIndex built;
            try {
                built = build();
            } catch (RuntimeException e) {
                synchronized (this) {
                    pending = null;
                }
                throw e;
            }
            lock.writeLock().lock();
            try {
                List<DataValueChanged> replay;
                synchronized (this) {
                    replay = pending;
                    pending = null;
                }
                index = built;
                stale = built.incomplete;
                for (DataValueChanged c : replay) {
                    apply(built, c);
                }
            } finally {
                lock.writeLock().unlock();
            }
            return built.size()[0];
        }
    }

    /** How many values the index holds and the bytes of its arrays; zeros before it is built. */
    public long[] size() {
        ColumnIndex current = index;
        return current == null ? new long[] {0, 0} : current.size();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(DataValueChanged change) {
        synchronized (this) {
            if (pending != null) {
                pending.add(change);
                return;
            }
        }
        ColumnIndex current = index;
        if (current == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            apply(current, change);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
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
