package com.classifiedbilling.billing;

import reactor.core.publisher.Mono;

/** The append-only audit log. */
public interface AuditRepository {

    Mono<Void> append(AuditEvent event);
}
