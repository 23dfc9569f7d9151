package vn.kehoach.replica;

/**
 * The read replica behind the application's data source, when one is configured ({@code kehoach.replica.url}, the
 * command line's {@code --db-replica}): its state and where the read-only transactions went. The data source itself
 * is the bean; without a replica there is no such bean.
 */
public interface ReadReplica {

    /** UP: reads go to it; BEHIND: it had not caught up within the wait; DOWN: unreachable or no longer a replica. */
    enum State { UP, BEHIND, DOWN }

    State state();

    /** Read-only transactions the replica served. */
    long replicaReads();

    /** Read-only transactions the primary served because the replica was down, behind or not yet tried again. */
    long primaryReads();

    /** Of {@link #replicaReads()}, those that waited for the replica to replay the primary's latest commits first. */
    long waits();

    /**
     * Refuses, before anything connects, a replica that cannot be one: the primary must be PostgreSQL (a replica of
     * the embedded H2 file does not exist) and so must the replica's URL.
     */
    static void checkUrls(String primaryUrl, String replicaUrl) {
        if (replicaUrl == null || replicaUrl.isBlank()) {
            return;
        }
        if (primaryUrl == null || !primaryUrl.startsWith("jdbc:postgresql:")) {
            throw new ReplicaRefused("--db-replica chỉ dùng được khi cơ sở dữ liệu chính (--db) là PostgreSQL; "
                    + "cơ sở dữ liệu chính đang là " + kind(primaryUrl) + ".");
        }
        if (!replicaUrl.strip().startsWith("jdbc:postgresql:")) {
            throw new ReplicaRefused("--db-replica phải là JDBC URL của một bản sao PostgreSQL "
                    + "(jdbc:postgresql://máy:cổng/tên-csdl?user=…), không phải «" + withoutParameters(replicaUrl) + "».");
        }
    }

    private static String kind(String url) {
        if (url == null || url.isBlank() || url.startsWith("jdbc:h2:")) {
            return "tệp H2 nhúng";
        }
        return "«" + withoutParameters(url) + "»";
    }

    /** A URL as a message may show it: without its parameters, where a password may be. */
    static String withoutParameters(String url) {
        String u = url.strip();
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q) + "?…";
    }
}
