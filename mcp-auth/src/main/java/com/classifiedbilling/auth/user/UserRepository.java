package com.classifiedbilling.auth.user;

import reactor.core.publisher.Mono;

/** Storage of user accounts. */
public interface UserRepository {

    /** Stores a new user; fails with {@link AccountException} when the email is taken. */
    Mono<User> insert(User user);

    /** The user with this email (compared in lower case), or empty. */
    Mono<User> findByEmail(String email);

    /** Whether any user exists at all. */
    Mono<Boolean> any();
}
