package org.ippc.cpm.command.axon;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Locks an aggregate on every node at once: Axon's lock within this JVM, then PostgreSQL's transaction-scoped
 * advisory lock, held until the command commits or rolls back. The aggregate's events are read after both are held,
 * so the command sees every commit made before, on any node, and no other node's command on it can commit until
 * this one has. Used for sessions, which decisions read without appending to (S2).
 */
final class AggregateLocks implements LockFactory {

    private final LockFactory local = PessimisticLockFactory.usingDefaults();
    private final JdbcTemplate jdbc;

    AggregateLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = local.obtainLock(identifier);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return lock;
        }
        try {
            jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, identifier);
            return lock;
        } catch (RuntimeException failure) {
            lock.release();
            throw failure;
        }
    }
}
