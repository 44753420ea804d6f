package io.kmon.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code Host} headers the server answers, against DNS rebinding: a web page from
 * {@code attacker.example} can make the browser resolve that name to 127.0.0.1 and then read
 * kmon's answers as same-origin responses, but the browser still sends
 * {@code Host: attacker.example}. Accepted by default: any IP literal (a page whose origin is
 * an IP literal is already that server), {@code localhost} and names under {@code .localhost}
 * (which resolve to loopback, RFC 6761), and the bind address; plus the names a builder adds. The
 * port is ignored and names compare case-insensitively.
 */
final class HostAllowlist {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])" + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}(%25[0-9A-Za-z._~-]+)?]");
    private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}");

    private final Set<String> names;

    /** An allowlist with the defaults plus {@code names} (host names, no port). */
    HostAllowlist(Set<String> names) {
        this.names =
                Set.copyOf(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
    }

    /** {@code name} when a builder may add it: a host name, without a port. */
    static String checkName(String name) {
        Objects.requireNonNull(name, "allowHosts");
        if (name.isBlank() || name.contains(":") || name.contains(",")) {
            throw new IllegalArgumentException("allowHosts takes host names without a port: " + name);
        }
        return name;
    }

    /** Whether {@code host} (a Host header value, maybe with a port) may be answered. */
    boolean accepts(String host) {
        String name = withoutPort(host.trim()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1); // "localhost." is the same name
        }
        return IPV4.matcher(name).matches()
                || IPV6.matcher(name).matches()
                || name.equals("localhost")
                || name.endsWith(".localhost")
                || names.contains(name);
    }

    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon >= 0
                && host.indexOf(']') < colon
                && PORT.matcher(host.substring(colon)).matches()) {
            return host.substring(0, colon);
        }
        return host;
    }
}
