package com.classifiedbilling.auth.user;

import com.classifiedbilling.auth.RandomIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Creates and finds user accounts, checking what is asked before anything is stored. */
@Service
public final class UserService {

    /** Deliberately simple: one {@code @}, something on both sides, a dot in the domain, no spaces. */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private static final int MAX_EMAIL = 320;

    private static final int MAX_NAME = 200;

    private final UserRepository users;

    private final Clock clock;

    private final RandomIds ids;

    UserService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.ids = new RandomIds(new SecureRandom());
    }

    /**
     * Creates a user. Fails with {@link AccountException} for a malformed email, a blank name, an
     * unknown plan or an email already in use.
     */
    public Mono<User> create(String email, String name, String planLabel) {
        return Mono.defer(() -> {
            String normalizedEmail = normalizeEmail(email);
            if (name == null || name.isBlank() || name.length() > MAX_NAME) {
                return Mono.error(new AccountException("Name must be 1 to " + MAX_NAME + " characters."));
            }
            Plan plan = Plan.fromLabel(planLabel)
                    .orElseThrow(() ->
                            new AccountException("Unknown plan '" + planLabel + "'. Allowed: " + Plan.labels() + "."));
            return users.insert(new User(ids.next("usr"), normalizedEmail, name.strip(), plan, clock.instant()));
        });
    }

    /** The user with this email; fails with {@link AccountException} when there is none. */
    public Mono<User> require(String email) {
        return Mono.defer(() -> users.findByEmail(normalizeEmail(email)))
                .switchIfEmpty(Mono.error(() -> new AccountException("No user with email " + email + ".")));
    }

    /** Whether any user exists (a fresh database has none). */
    public Mono<Boolean> anyUser() {
        return users.any();
    }

    static String normalizeEmail(String email) {
        if (email == null || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new AccountException("Invalid email address '" + email + "'.");
        }
        return email.toLowerCase(Locale.ROOT);
    }
}
