package io.kmon.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a raw query string, decoded strictly: {@code %} must be followed by two hex
 * digits, the bytes must be valid UTF-8, a name may appear once, and the whole query is bounded
 * ({@value #MAX_LENGTH} characters, {@value #MAX_PARAMS} parameters). Anything else is refused
 * with a 400 (or 414 for length) rather than guessed at.
 */
final class Query {
    /** Longest raw query accepted. */
    static final int MAX_LENGTH = 2048;
    /** Most parameters accepted. */
    static final int MAX_PARAMS = 16;

    private static final Query EMPTY = new Query(Map.of());

    private final Map<String, String> params;

    private Query(Map<String, String> params) {
        this.params = params;
    }

    /**
     * Parses {@code rawQuery} (still percent-encoded; null for none).
     *
     * @throws HttpException 414 when too long, 400 when badly encoded, repeated or too many
     */
    static Query parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        if (rawQuery.length() > MAX_LENGTH) {
            throw new HttpException(414, "query string longer than " + MAX_LENGTH + " characters");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.put(name, value) != null) {
                throw HttpException.badRequest("query parameter '" + Text.printable(name) + "' given more than once");
            }
            if (params.size() > MAX_PARAMS) {
                throw HttpException.badRequest("more than " + MAX_PARAMS + " query parameters");
            }
        }
        return new Query(Collections.unmodifiableMap(params));
    }

    /** The value of {@code name}, if given. */
    Optional<String> get(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** The value of {@code name}; 400 when missing or empty. */
    String required(String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw HttpException.badRequest("missing query parameter '" + name + "'");
        }
        return value;
    }

    /** {@code name} as a non-negative long, or {@code otherwise}; 400 when not one. */
    long nonNegativeLong(String name, long otherwise) {
        String value = params.get(name);
        if (value == null) {
            return otherwise;
        }
        // ASCII digits only: Long.parseLong would also take "+5" and non-ASCII digits such as "٥"
        if (!value.isEmpty() && value.length() <= 19 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException tooLarge) {
                // answered below
            }
        }
        throw HttpException.badRequest(
                "query parameter '" + name + "' must be a non-negative integer, got '" + Text.printable(value) + "'");
    }

    /** The parameter names, in order. */
    java.util.Set<String> names() {
        return params.keySet();
    }

    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (lo < 0) {
                    throw HttpException.badRequest("bad percent-encoding in query string");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x7f) {
                // the JDK hands us the raw query; a literal non-ASCII char was never encoded
                throw HttpException.badRequest("query string must be percent-encoded ASCII");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpException.badRequest("query string is not valid UTF-8");
        }
    }
}
