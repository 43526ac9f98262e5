package com.classifiedbilling.tool;

import com.classifiedbilling.billing.After;
import com.classifiedbilling.billing.BillingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque {@code cursor} / {@code next_cursor} strings: the sort key and id of the last item of a
 * page, base64url-encoded. A cursor is a position, not a secret; it grants nothing, since every call
 * checks access to the workspace again.
 */
final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {}

    static String ofInstant(Instant key, String id) {
        return encode("t", key.getEpochSecond() + "." + key.getNano(), id);
    }

    static String ofText(String key, String id) {
        return encode("s", key, id);
    }

    /** The position in a cursor made by {@link #ofInstant}; {@code null} for no cursor. */
    static After<Instant> instant(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = decode(cursor, "t");
        try {
            String[] time = parts[1].split("\\.", 2);
            return new After<>(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])), parts[2]);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /** The position in a cursor made by {@link #ofText}; {@code null} for no cursor. */
    static After<String> text(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = decode(cursor, "s");
        return new After<>(parts[1], parts[2]);
    }

    private static String encode(String kind, String key, String id) {
        return ENCODER.encodeToString((kind + "\n" + key + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor, String kind) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
            if (parts.length == 3 && parts[0].equals(kind) && !parts[2].isEmpty()) {
                return parts;
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the caller-facing error
        }
        throw invalid();
    }

    private static BillingException invalid() {
        return BillingException.invalidInput(
                "Field 'cursor' is not a cursor from this tool: pass the next_cursor of the previous page unchanged.");
    }
}
