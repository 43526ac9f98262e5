package com.classifiedbilling.auth.user;

import java.time.Instant;
import java.util.Objects;

/** A person who owns or works in workspaces. {@code email} is always lower case. */
public record User(String id, String email, String name, Plan plan, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
