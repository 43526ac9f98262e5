package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.Transactions;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** {@link Transactions} through Spring's reactive transaction manager for R2DBC. */
@Component
final class R2dbcTransactions implements Transactions {

    private final TransactionalOperator operator;

    R2dbcTransactions(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return operator.transactional(Mono.defer(work));
    }
}
