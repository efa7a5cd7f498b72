package org.ippc.cpm.command.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.Field;
import java.util.Objects;

/**
 * Locks an aggregate on every node at once: Axon's lock within this JVM, then PostgreSQL's transaction-scoped
 * advisory lock, held until the command commits or rolls back. Once both are held, a cached copy of the aggregate is
 * checked against the store's latest sequence number and dropped if another node has appended since; so every
 * command decides on the store's latest state, and commands on one aggregate take turns across nodes as they do in
 * one JVM. A rule that reads another aggregate (S2 reading the session, P4 the round) holds that aggregate's lock
 * too, so it cannot change underneath the decision.
 */
final class AggregateLocks implements LockFactory {

    private static final Field VERSION = versionField();

    private final LockFactory local = PessimisticLockFactory.usingDefaults();
    private final JdbcTemplate jdbc;
    private final Cache cache;

    /** @param cache the aggregate's cache, or null if it has none */
    AggregateLocks(JdbcTemplate jdbc, Cache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = local.obtainLock(identifier);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return lock;
        }
        try {
            Long latest = jdbc.queryForObject("SELECT cpm_lock_aggregate(?)", Long.class, identifier);
            if (cache != null) {
                AggregateCacheEntry<?> cached = cache.get(identifier);
                if (cached != null && !Objects.equals(version(cached), latest)) {
                    cache.remove(identifier);
                }
            }
            return lock;
        } catch (RuntimeException failure) {
            lock.release();
            throw failure;
        }
    }

    private static Long version(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Axon keeps the cached aggregate's version private; it is the one fact the check needs. */
    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException changed) {
            throw new ExceptionInInitializerError(changed);
        }
    }
}
