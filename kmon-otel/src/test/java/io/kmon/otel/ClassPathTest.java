package io.kmon.otel;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The exporter sends with the JDK's HTTP client: OkHttp and Kotlin stay off the class path. */
class ClassPathTest {
    @Test
    void noOkHttpNoKotlin() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("okhttp3.OkHttpClient"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("kotlin.Unit"));
        assertThrows(
                ClassNotFoundException.class,
                () -> Class.forName("io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSender"));
    }
}
