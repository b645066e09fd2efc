package org.landfall.reporting.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.Place;
import org.landfall.reporting.service.ReadModel;
import org.landfall.reporting.service.RowChanges;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The changed rows of every reporting instance, to every instance's stream: the consuming transaction sends them
 * with {@code pg_notify}, which PostgreSQL delivers when (and only if) it commits, in commit order, to each
 * instance's listening connection, whichever instance consumed the events. One thread per instance listens and
 * hands each notice's rows on in the order they came ({@link RowChanges}).
 */
@ApplicationScoped
public class RowNotices {

    private static final Logger LOG = Logger.getLogger(RowNotices.class);

    /** The channel; every reporting instance of one database listens on it. */
    public static final String CHANNEL = "landfall_report_rows";

    /** PostgreSQL refuses a payload of 8000 bytes or more: the rows of a batch go in several notices. */
    static final int MAX_PAYLOAD_BYTES = 7000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** By quarter, then by the group's text, made once per row: made per comparison it was a tenth of a replay's CPU. */
    private static final Comparator<Map.Entry<ReadModel.RowKey, String>> ORDER =
            Comparator.<Map.Entry<ReadModel.RowKey, String>>comparingInt(e -> e.getKey().quarter())
                    .thenComparing(Map.Entry::getValue);

    @Inject
    Jdbc jdbc;

    @Inject
    RowChanges changes;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private Thread thread;

    /** In the consumer's transaction: the notices leave with its commit, and vanish with its rollback. */
    void onChange(@Observes ReadModel.RowsChanged changed) {
        jdbc.sql("select pg_notify(?, p) from unnest(?::text[]) as p", CHANNEL,
                Jdbc.array("text", encode(changed.rows().stream().map(k -> Map.entry(k, k.group().toString())).sorted(ORDER)
                        .map(Map.Entry::getKey).toList()).toArray())).execute();
    }

    void onStart(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::listen, "report-row-notices");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    /**
     * Listens on a connection of its own (a pooled one would go back to the pool). If that connection breaks, rows
     * committed before the next LISTEN reach no stream: the open streams are then cut off, so that their clients
     * reconnect and read the report anew, as after any gap.
     */
    private void listen() {
        long backoffMs = 250;
        boolean lost = false;
        while (running) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("listen " + CHANNEL);
                if (lost) {
                    changes.cutOff();
                    LOG.info("listening to the report rows' notices again");
                }
                lost = false;
                backoffMs = 250;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(1_000);
                    for (PGNotification notice : notices == null ? new PGNotification[0] : notices) {
                        deliver(notice.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!lost) {
                    LOG.warnf("cannot listen to the report rows' notices (retrying): %s", e.getMessage());
                }
                lost = true;
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMs = Math.min(5_000, backoffMs * 2);
            }
        }
    }

    private void deliver(String payload) {
        List<ReadModel.RowKey> rows;
        try {
            rows = decode(payload);
        } catch (IllegalArgumentException notOurs) {
            LOG.warn(notOurs.getMessage());
            return;
        }
        changes.publish(rows);
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        username.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "reporting row notices");
        Connection c = new org.postgresql.Driver().connect(url, p);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    /** The rows, in order, as payloads under PostgreSQL's limit: each a JSON array of [quarter, names and codes, sector]. */
    public static List<String> encode(List<ReadModel.RowKey> rows) {
        List<String> payloads = new ArrayList<>();
        ArrayNode current = JSON.createArrayNode();
        int bytes = 2;
        for (ReadModel.RowKey row : rows) {
            ArrayNode key = JSON.createArrayNode().add(row.quarter());
            for (Place.Part part : List.of(row.group().place().province(), row.group().place().city(), row.group().place().district())) {
                key.add(part.name()).add(part.code());
            }
            key.add(row.group().sector());
            int size = key.toString().getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes + size > MAX_PAYLOAD_BYTES && !current.isEmpty()) {
                payloads.add(current.toString());
                current = JSON.createArrayNode();
                bytes = 2;
            }
            current.add(key);
            bytes += size;
        }
        if (!current.isEmpty()) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    static List<ReadModel.RowKey> decode(String payload) {
        try {
            List<ReadModel.RowKey> rows = new ArrayList<>();
            for (JsonNode k : JSON.readTree(payload)) {
                Place place = new Place(new Place.Part(k.get(1).asText(), k.get(2).asText()),
                        new Place.Part(k.get(3).asText(), k.get(4).asText()), new Place.Part(k.get(5).asText(), k.get(6).asText()));
                rows.add(new ReadModel.RowKey(k.get(0).asInt(), new Facts.Group(place, k.get(7).isNull() ? null : k.get(7).asText())));
            }
            return rows;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("a report rows' notice that is not ours: " + payload, e);
        }
    }
}
