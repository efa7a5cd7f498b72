package org.ippc.cpm.eventstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Every commit that appends events on any node sends a PostgreSQL {@code NOTIFY cpm_events} (a trigger on the
 * event table, migration V6); this listener, on its own long-lived connection, wakes the local event store's
 * tracking processors at once, so an event appended on node A is projected on node B in milliseconds instead of at
 * the next poll. If the connection breaks it reconnects, and the processors' own poll remains the fallback.
 */
public class EventStoreNotifications implements SmartLifecycle {

    static final String CHANNEL = "cpm_events";
    private static final Logger LOG = LoggerFactory.getLogger(EventStoreNotifications.class);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final DataSourceProperties database;
    private final WakeableEventStore eventStore;
    private volatile boolean running;
    private Thread listener;

    public EventStoreNotifications(DataSourceProperties database, WakeableEventStore eventStore) {
        this.database = database;
        this.eventStore = eventStore;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "cpm-event-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(
                    database.determineUrl(), database.determineUsername(), database.determinePassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (connectedBefore) {
                    LOG.info(
                            "The database answers again: listening for events committed on other nodes, and {} "
                                    + "connection pool retries woken",
                            PoolBackoff.cutShort());
                }
                connectedBefore = true;
                // Events committed while nobody listened are read now, not at the next poll.
                eventStore.wake();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null && received.length > 0) {
                        eventStore.wake();
                    }
                }
            } catch (SQLException broken) {
                if (running) {
                    LOG.warn(
                            "Event notifications unavailable ({}); processors poll until the connection is back",
                            broken.getMessage());
                    sleep();
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
