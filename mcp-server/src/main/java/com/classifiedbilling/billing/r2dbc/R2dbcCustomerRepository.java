package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.After;
import com.classifiedbilling.billing.Customer;
import com.classifiedbilling.billing.CustomerRepository;
import io.r2dbc.spi.Readable;
import java.util.Locale;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link CustomerRepository} on the {@code customers} table. */
@Component
final class R2dbcCustomerRepository implements CustomerRepository {

    private static final String COLUMNS = "workspace_id, id, company_name, company_email, currency, "
            + "contact_first_name, contact_last_name, contact_email, address, city, state, zip, country, created_at";

    /**
     * The words a search looks in, as one lower-cased text: on PostgreSQL the expression of the
     * trigram index {@code customers_search} (db/postgresql/V5), which serves it only if the two
     * are written the same.
     */
    static final String SEARCHED = "LOWER(company_name || ' ' || company_email || ' ' || contact_first_name || ' ' "
            + "|| contact_last_name || ' ' || contact_email)";

    private final DatabaseClient db;

    R2dbcCustomerRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Customer> search(String workspaceId, String search, String country, After<String> after, int limit) {
        return searchQuery(workspaceId, search, country, after, limit)
                .on(db)
                .map(R2dbcCustomerRepository::customer)
                .all();
    }

    static BoundSql searchQuery(String workspaceId, String search, String country, After<String> after, int limit) {
        BoundSql.Builder sql = new BoundSql.Builder("SELECT " + COLUMNS + " FROM customers WHERE workspace_id = :w")
                .bind("w", workspaceId);
        if (search != null) {
            sql.append(" AND " + SEARCHED + " LIKE :pattern ESCAPE '\\'").bind("pattern", containing(search));
        }
        if (country != null) {
            sql.append(" AND LOWER(country) = :country").bind("country", country.toLowerCase(Locale.ROOT));
        }
        if (after != null) {
            sql.append(" AND (company_name > :afterName OR (company_name = :afterName AND id > :afterId))")
                    .bind("afterName", after.key())
                    .bind("afterId", after.id());
        }
        return sql.append(" ORDER BY company_name, id").limit(limit).build();
    }

    @Override
    public Mono<Customer> insert(Customer c) {
        return db.sql("INSERT INTO customers (" + COLUMNS + ") VALUES (:workspaceId, :id, :companyName, "
                        + ":companyEmail, :currency, :firstName, :lastName, :contactEmail, :address, :city, :state, "
                        + ":zip, :country, :createdAt)")
                .bind("workspaceId", c.workspaceId())
                .bind("id", c.id())
                .bind("companyName", c.companyName())
                .bind("companyEmail", c.companyEmail())
                .bind("currency", c.currency())
                .bind("firstName", c.contactFirstName())
                .bind("lastName", c.contactLastName())
                .bind("contactEmail", c.contactEmail())
                .bind("address", c.address().street())
                .bind("city", c.address().city())
                .bind("state", c.address().state())
                .bind("zip", c.address().zip())
                .bind("country", c.address().country())
                .bind("createdAt", Columns.utc(c.createdAt()))
                .then()
                .thenReturn(c);
    }

    /** A LIKE pattern matching values that contain {@code text}, its wildcards taken literally. */
    static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static Customer customer(Readable row) {
        return new Customer(
                row.get("workspace_id", String.class),
                row.get("id", String.class),
                row.get("company_name", String.class),
                row.get("company_email", String.class),
                row.get("currency", String.class),
                row.get("contact_first_name", String.class),
                row.get("contact_last_name", String.class),
                row.get("contact_email", String.class),
                new Customer.Address(
                        row.get("address", String.class),
                        row.get("city", String.class),
                        row.get("state", String.class),
                        row.get("zip", String.class),
                        row.get("country", String.class)),
                Columns.instant(row, "created_at"));
    }
}
