package io.kmon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kmon.format.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseTest {
    @Test
    void errorBody_isValidJson_whateverTheMessage() throws Exception {
        String nasty = "quote \" backslash \\ newline \n tab \t nul \u0000 line-sep \u2028 é ✓";
        Response r = Response.error(400, nasty);
        JsonNode body = Json.mapper().readTree(new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(400, body.get("status").asInt());
        assertEquals("Bad Request", body.get("error").asText());
        assertEquals(nasty, body.get("message").asText());
        assertEquals(Response.JSON, r.contentType());
    }

    @Test
    void reasons_coverEveryStatusTheRouterSends() {
        assertEquals("Not Found", Response.reason(404));
        assertEquals("Method Not Allowed", Response.reason(405));
        assertEquals("Unauthorized", Response.reason(401));
        assertEquals("URI Too Long", Response.reason(414));
        assertEquals("Internal Server Error", Response.reason(500));
        assertEquals("Service Unavailable", Response.reason(503));
    }
}
