package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.ServiceItem;
import com.classifiedbilling.billing.ServiceItemRepository;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link ServiceItemRepository} on the {@code service_items} table. */
@Component
final class R2dbcServiceItemRepository implements ServiceItemRepository {

    private final DatabaseClient db;

    R2dbcServiceItemRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<ServiceItem> insert(ServiceItem item) {
        return db.sql("INSERT INTO service_items (workspace_id, id, name, description, unit_price, currency, "
                        + "created_at) VALUES (:w, :id, :name, :description, :price, :currency, :createdAt)")
                .bind("w", item.workspaceId())
                .bind("id", item.id())
                .bind("name", item.name())
                .bind("description", Columns.text(item.description()))
                .bind("price", item.unitPrice())
                .bind("currency", item.currency())
                .bind("createdAt", Columns.utc(item.createdAt()))
                .then()
                .thenReturn(item);
    }
}
