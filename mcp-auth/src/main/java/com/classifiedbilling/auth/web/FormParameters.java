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
        byte[] bytes = new byte[encoded.length() * 3];
        int length = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes[length++] = ' ';
            } else if (c == '%') {
                int high = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new MalformedException(subject + " has a % that does not start two hex digits.");
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c)) {
                    // a pair written unencoded: take both halves together
                    if (Character.isHighSurrogate(c) && i + 1 < encoded.length()) {
                        utf8 = encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                        i++;
                    } else {
                        throw new MalformedException(subject + " is not valid UTF-8.");
                    }
                }
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
            }
        }
        String decoded;
        try {
            decoded = strictUtf8().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException(subject + " is not valid UTF-8.");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new MalformedException(
                        subject + " contains a control character (such as NUL), which is not allowed.");
            }
        }
        return decoded;
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
