package com.classifiedbilling.auth.user;

/**
 * A request about accounts or keys that cannot be carried out as asked: bad input, a duplicate,
 * or something that does not exist. The message is written for the person who asked.
 */
public final class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message, null, false, false);
    }
}
