package com.classifiedbilling.auth.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The one reader of {@code application/x-www-form-urlencoded} text, for query strings and form
 * bodies alike (<a href="https://url.spec.whatwg.org/#urlencoded-parsing">URL Standard §5.1</a>,
 * stricter): a {@code %} must start two hex digits, the bytes must be UTF-8, and no name or value may
 * hold a control character (U+0000–U+001F, U+007F). Parameters that break a rule never reach a
 * handler, a database or a page, so no layer downstream can read them differently. Problems name
 * the parameter (when its name is itself clean) but never repeat a value, which may be a secret.
 */
public final class FormParameters {

    /** The largest form body read (bytes); a larger one is refused with 413. */
    public static final int MAX_FORM_BYTES = 64 * 1024;

    private FormParameters() {}

    /** A parameter string that breaks the rules; the message is safe to show the caller. */
    public static final class MalformedException extends Exception {

        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    /** The parameters of a query string or form body ({@code null} or empty: none), in order. */
    public static MultiValueMap<String, String> parse(String encoded) throws MalformedException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String name = decode(rawName, null);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
                parameters.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
            }
        }
        return CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>(parameters));
    }

    /** A form body's parameters: its bytes are UTF-8 (in practice ASCII, all else percent-encoded). */
    public static MultiValueMap<String, String> parse(byte[] body) throws MalformedException {
        String text;
        try {
            text = strictUtf8().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("The form is not valid UTF-8.");
        }
        return parse(text);
    }

    /**
     * One percent-encoded component, such as each half of {@code Authorization: Basic}'s {@code
     * client_id:client_secret} (<a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC
     * 6749 §2.3.1</a>); {@code field} names it in the problem.
     */
    public static String decodeComponent(String encoded, String field) throws MalformedException {
        return decode(encoded, field);
    }

    private static String decode(String encoded, String name) throws MalformedException {
        String subject = name == null ? "A parameter name" : "The parameter " + describe(name);
        // the text is already UTF-8-clean (a raw query is ASCII; a body and Basic credentials were
        // decoded strictly), so its bytes and the escaped ones decode together as one UTF-8 sequence
        byte[] in = encoded.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int length = 0;
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%') {
                int high = i + 1 < in.length ? hex(in[i + 1]) : -1;
                int low = i + 2 < in.length ? hex(in[i + 2]) : -1;
                if (high < 0 || low < 0) {
                    throw new MalformedException(subject + " has a % that does not start two hex digits.");
                }
                out[length++] = (byte) (high * 16 + low);
                i += 2;
            } else {
                out[length++] = b == '+' ? (byte) ' ' : b;
            }
        }
        String decoded;
        try {
            decoded = strictUtf8().decode(ByteBuffer.wrap(out, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException(subject + " is not valid UTF-8.");
        }
        if (hasControlCharacter(decoded)) {
            throw new MalformedException(
                    subject + " contains a control character (such as NUL), which is not allowed.");
        }
        return decoded;
    }

    /** An ASCII hex digit's value, or -1: not {@link Character#digit}, which takes fullwidth and other scripts' digits. */
    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /**
     * Whether text holds a control character (U+0000–U+001F, U+007F): the rule for every value a
     * client gives the authorization server, which no database, page or log line should meet.
     */
    public static boolean hasControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The name as it may appear in a message: itself when short and plain, else not at all. */
    private static String describe(String name) {
        return name.length() <= 40
                        && name.chars().allMatch(c -> c == '_' || c == '-' || Character.isLetterOrDigit(c) && c < 0x80)
                ? name
                : "(unnamed)";
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
