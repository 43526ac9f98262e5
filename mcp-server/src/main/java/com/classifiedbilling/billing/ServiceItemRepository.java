package com.classifiedbilling.billing;

import reactor.core.publisher.Mono;

/** Storage of a workspace's service items. */
public interface ServiceItemRepository {

    Mono<ServiceItem> insert(ServiceItem item);
}
