package org.ippc.cpm.command.axon;

import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ippc.cpm.eventstore.HashChainedEventStorageEngine;
import org.ippc.cpm.platform.DatabaseUnavailable;

/**
 * Axon's transactions, except that a command's commit that fails because the database went away (the COMMIT sent,
 * no answer) is a {@link CommitInDoubt}: the database may have committed it. {@link CommandSender} then looks the
 * command's events up before it answers, so that a 2xx is given for exactly what was recorded.
 */
final class CommitsInDoubt implements TransactionManager {

    /** A unit-of-work resource: the answer the command will get if its transaction commits. */
    static final String ANSWER = CommitsInDoubt.class.getName() + ".answer";

    private static final String COMMAND_TRANSACTION = CommitsInDoubt.class.getName() + ".transaction";

    private final TransactionManager transactions;

    CommitsInDoubt(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        // The command's own transaction is the first its unit of work starts (the command bus attaches it).
        boolean command = CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().resources().putIfAbsent(COMMAND_TRANSACTION, transaction) == null;
        if (!command) {
            return transaction;
        }
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } catch (RuntimeException failure) {
                    throw inDoubt(failure);
                }
            }

            @Override
            public void rollback() {
                transaction.rollback();
            }
        };
    }

    private static RuntimeException inDoubt(RuntimeException failure) {
        if (!DatabaseUnavailable.causes(failure) || !CurrentUnitOfWork.isStarted()) {
            return failure;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        List<String> appended = unit.getResource(HashChainedEventStorageEngine.APPENDED);
        CommandAccepted answer = unit.getResource(ANSWER);
        return appended == null || appended.isEmpty() || answer == null
                ? failure
                : new CommitInDoubt(failure, appended.get(0), answer);
    }
}
