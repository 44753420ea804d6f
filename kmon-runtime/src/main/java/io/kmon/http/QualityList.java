package io.kmon.http;

import java.util.Locale;

/**
 * A q-valued list header ({@code Accept}, {@code Accept-Encoding}) read the way RFC 9110 says:
 * items separated by commas, names case-insensitive, {@code ;q=} from 0 to 1 (1 when absent, 0
 * when malformed, so a garbled item is never chosen), other parameters ignored. Headers are
 * bounded by the JDK's header size limit, so one parse is cheap.
 */
final class QualityList {
    private static final java.util.regex.Pattern QVALUE =
            java.util.regex.Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private QualityList() {}

    /**
     * The q-value {@code header} gives {@code name} (e.g. {@code text/plain} or {@code gzip}): the
     * most specific item matching it wins, {@code type/*} over {@code *}{@code /*} and {@code *}
     * for a coding; 0 when nothing matches or the header is null.
     */
    static double quality(String header, String name) {
        if (header == null) {
            return 0;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        int slash = wanted.indexOf('/');
        String typeWildcard = slash < 0 ? null : wanted.substring(0, slash) + "/*";
        double exact = -1;
        double type = -1;
        double any = -1;
        for (String item : header.split(",")) {
            String[] parts = item.split(";");
            String token = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = q(parts);
            if (token.equals(wanted)) {
                exact = Math.max(exact, q);
            } else if (token.equals(typeWildcard)) {
                type = Math.max(type, q);
            } else if (token.equals("*/*") || token.equals("*")) {
                any = Math.max(any, q);
            }
        }
        return exact >= 0 ? exact : type >= 0 ? type : Math.max(any, 0);
    }

    /**
     * The highest q-value {@code header} gives {@code name} in an item that names it exactly (no
     * wildcard) with every one of {@code params} ({@code key=value}, compared ignoring case):
     * for a format a client must ask for by name, such as Prometheus's protobuf.
     */
    static double exactQuality(String header, String name, String... params) {
        if (header == null) {
            return 0;
        }
        double best = 0;
        for (String item : header.split(",")) {
            String[] parts = item.split(";");
            if (!parts[0].trim().equalsIgnoreCase(name)) {
                continue;
            }
            boolean all = true;
            for (String wanted : params) {
                boolean found = false;
                for (int i = 1; i < parts.length && !found; i++) {
                    found = parts[i].replace(" ", "").equalsIgnoreCase(wanted);
                }
                all &= found;
            }
            if (all) {
                best = Math.max(best, q(parts));
            }
        }
        return best;
    }

    private static double q(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() >= 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                return qvalue(p.substring(2).trim());
            }
        }
        return 1;
    }

    /** RFC 9110's qvalue: {@code 0[.ddd]} or {@code 1[.000]}; anything else counts as 0. */
    private static double qvalue(String s) {
        if (!QVALUE.matcher(s).matches()) {
            return 0;
        }
        return Double.parseDouble(s);
    }
}
