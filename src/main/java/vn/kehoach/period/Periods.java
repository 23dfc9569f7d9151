package vn.kehoach.period;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The stored periods: each id is kept once with its dates, so other tables refer to it by number. */
@Service
public class Periods {

    private final JdbcClient jdbc;

    public Periods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of the period, stored on first use. */
    @Transactional(propagation = Propagation.REQUIRED)
    public long idOf(Period period) {
        return jdbc.sql("select id from period where iso = :iso").param("iso", period.id()).query(Long.class)
                .optional().orElseGet(() -> {
                    // Two writers may store the same new period at once: the unique id decides, quietly.
                    jdbc.sql("""
                                    insert into period (iso, type, start_date, end_date) values (:iso, :type, :start, :end)
                                    on conflict do nothing""")
                            .param("iso", period.id()).param("type", period.type().name())
                            .param("start", period.start()).param("end", period.end()).update();
                    return jdbc.sql("select id from period where iso = :iso").param("iso", period.id())
                            .query(Long.class).single();
                });
    }

    /** Every stored period by its number. */
    public java.util.Map<Long, Period> byId() {
        java.util.Map<Long, Period> out = new java.util.HashMap<>();
        jdbc.sql("select id, iso from period").query((rs, i) -> out.put(rs.getLong(1), Period.parse(rs.getString(2))))
                .list();
        return out;
    }

    /** The number of a stored period; empty when it was never stored. */
    public java.util.Optional<Long> find(Period period) {
        return jdbc.sql("select id from period where iso = :iso").param("iso", period.id()).query(Long.class).optional();
    }

    /** Every stored period, in time order. */
    public List<Period> all() {
        return jdbc.sql("select iso from period").query(String.class).list().stream().map(Period::parse).sorted()
                .toList();
    }
}
