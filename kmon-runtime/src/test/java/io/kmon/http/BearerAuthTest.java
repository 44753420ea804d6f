package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerAuthTest {
    private final BearerAuth auth = new BearerAuth("s3cret-token");

    @Test
    void rightToken_isAccepted_schemeCaseInsensitive() {
        assertTrue(auth.accepts("Bearer s3cret-token"));
        assertTrue(auth.accepts("bearer s3cret-token"));
        assertTrue(auth.accepts("BEARER   s3cret-token "));
    }

    @Test
    void wrongMissingOrOtherScheme_isRefused() {
        assertFalse(auth.accepts(null));
        assertFalse(auth.accepts(""));
        assertFalse(auth.accepts("Bearer "));
        assertFalse(auth.accepts("Bearer s3cret-toke"));
        assertFalse(auth.accepts("Bearer s3cret-token2"));
        assertFalse(auth.accepts("Basic s3cret-token"));
        assertFalse(auth.accepts("s3cret-token"));
    }

    @Test
    void blankOrNonAsciiToken_isRejectedAtConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new BearerAuth(""));
        assertThrows(IllegalArgumentException.class, () -> new BearerAuth("two words"));
        assertThrows(IllegalArgumentException.class, () -> new BearerAuth("tökén"));
        assertThrows(NullPointerException.class, () -> new BearerAuth(null));
    }
}
