package com.classifiedbilling.billing;

import java.util.Objects;

/**
 * Where a page starts: after the item with this sort key and id (keyset pagination, so pages stay
 * right while rows are added).
 *
 * @param key the sort value of the last item seen (an issue or due date, a company name)
 * @param id the id of the last item seen, which breaks ties
 */
public record After<K>(K key, String id) {

    public After {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
    }
}
