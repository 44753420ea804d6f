package io.kmon.example;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The command line of the example:
 *
 * <pre>{@code
 * java -jar kmon-example.jar [--demo] [--port N]
 * }</pre>
 *
 * <p>The exporter's port comes from {@code --port}, else the environment variable
 * {@value #PORT_ENV}, else {@value #DEFAULT_PORT}; {@code 0} picks a free port.
 *
 * @param demo drive the tools with generated traffic instead of serving MCP on stdio
 * @param port the port of kmon's HTTP exporter on 127.0.0.1; 0 for an ephemeral one
 * @param help only print the usage
 */
public record ExampleOptions(boolean demo, int port, boolean help) {
    /** The environment variable that sets the exporter port when {@code --port} is absent. */
    public static final String PORT_ENV = "KMON_PORT";
    /** The exporter port when neither {@code --port} nor {@value #PORT_ENV} says otherwise. */
    public static final int DEFAULT_PORT = 8000;

    /** The usage text. */
    public static final String USAGE = """
            usage: java -jar kmon-example.jar [--demo] [--port N]

              (no option)  serve MCP over stdin/stdout; kmon's dashboard on http://127.0.0.1:PORT/
              --demo       no MCP client: drive the tools with realistic traffic until Ctrl-C
              --port N     the dashboard/metrics port (default: $%s, else %d); 0 picks a free port,
                           and so does a taken port (the log and /health say so)
              --help       print this text
            """.formatted(PORT_ENV, DEFAULT_PORT);

    /** Rejects a port outside 0..65535. */
    public ExampleOptions {
        checkPort(port, "port");
    }

    /**
     * Parses {@code args}, reading {@value #PORT_ENV} from {@code env}.
     *
     * @throws IllegalArgumentException naming the bad option or value
     */
    public static ExampleOptions parse(List<String> args, Map<String, String> env) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(env, "env");
        boolean demo = false;
        boolean help = false;
        Integer port = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--port")) {
                if (i + 1 == args.size()) {
                    throw new IllegalArgumentException("--port needs a value, e.g. --port 8000");
                }
                port = parsePort(args.get(++i), "--port");
            } else if (arg.startsWith("--port=")) {
                port = parsePort(arg.substring("--port=".length()), "--port");
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (port == null) {
            String fromEnv = env.get(PORT_ENV);
            port = fromEnv == null || fromEnv.isBlank() ? DEFAULT_PORT : parsePort(fromEnv.strip(), PORT_ENV);
        }
        return new ExampleOptions(demo, port, help);
    }

    private static int parsePort(String text, String source) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a port number from 0 to 65535, got '" + text + "'");
        }
        return checkPort(port, source);
    }

    private static int checkPort(int port, String source) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(source + " must be a port number from 0 to 65535, got " + port);
        }
        return port;
    }
}
