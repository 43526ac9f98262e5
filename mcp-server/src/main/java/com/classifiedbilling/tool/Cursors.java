package com.classifiedbilling.tool;

import com.classifiedbilling.billing.After;
import com.classifiedbilling.billing.BillingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque {@code cursor} / {@code next_cursor} strings: the sort key and id of the last item of a
 * page, base64url-encoded as {@code kind \n id \n key}. The key comes last so that it may hold any
 * character a name can (a newline included); ids never hold one. A cursor is a position, not a
 * secret; it grants nothing, since every call checks access to the workspace again.
 */
final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The kinds, and the kinds of the first layout (key before id) that a paging client may still hold. */
    private static final String TIME = "T", TEXT = "S", OLD_TIME = "t", OLD_TEXT = "s";

    private Cursors() {}

    static String ofInstant(Instant key, String id) {
        return encode(TIME, id, key.getEpochSecond() + "." + key.getNano());
    }

    static String ofText(String key, String id) {
        return encode(TEXT, id, key);
    }

    /** The position in a cursor made by {@link #ofText}; {@code null} for no cursor. */
    static After<String> text(String cursor) {
        return cursor == null ? null : decode(cursor, TEXT, OLD_TEXT);
    }

    /** The position in a cursor made by {@link #ofInstant}; {@code null} for no cursor. */
    static After<Instant> instant(String cursor) {
        if (cursor == null) {
            return null;
        }
        After<String> position = decode(cursor, TIME, OLD_TIME);
        try {
            String[] time = position.key().split("\\.", 2);
            return new After<>(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])), position.id());
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static String encode(String kind, String id, String key) {
        return ENCODER.encodeToString((kind + "\n" + id + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static After<String> decode(String cursor, String kind, String oldKind) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(DECODER.decode(cursor)))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException notOurs) {
            throw invalid();
        }
        // the database holds no NUL in text, so no cursor of ours has one, and none may reach a query
        String[] parts = text.split("\n", 3);
        if (parts.length != 3 || text.indexOf('\0') >= 0) {
            throw invalid();
        }
        if (parts[0].equals(kind) && !parts[1].isEmpty()) {
            return new After<>(parts[2], parts[1]);
        }
        if (parts[0].equals(oldKind) && !parts[2].isEmpty() && parts[2].indexOf('\n') < 0) {
            return new After<>(parts[1], parts[2]);
        }
        throw invalid();
    }

    private static BillingException invalid() {
        return BillingException.invalidInput(
                "Field 'cursor' is not a cursor from this tool: pass the next_cursor of the previous page unchanged.");
    }
}
