package com.classifiedbilling.billing;

import java.util.List;

/**
 * One page of a list in a stable order.
 *
 * @param items at most the asked number
 * @param hasMore whether more items follow the last one
 */
public record Page<T>(List<T> items, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page from a list fetched with one item more than {@code limit}, to learn whether more follow. */
    static <T> Page<T> of(List<T> fetched, int limit) {
        return fetched.size() > limit ? new Page<>(fetched.subList(0, limit), true) : new Page<>(fetched, false);
    }
}
