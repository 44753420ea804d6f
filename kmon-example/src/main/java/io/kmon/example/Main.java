package io.kmon.example;

import io.kmon.Kmon;
import io.kmon.example.catalog.SimulatedLink;
import io.kmon.example.demo.DemoTraffic;
import io.kmon.otel.KmonOtel;
import io.kmon.otel.OtlpExport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code java -jar kmon-example.jar [--demo] [--port N]}: a media MCP server on stdio, or with
 * {@code --demo} the same tools driven by generated traffic; kmon's dashboard either way.
 *
 * <p>stdout belongs to JSON-RPC: the first thing {@code main} does is point {@code System.out}
 * at stderr, so a stray print anywhere (ours or a library's) cannot corrupt the protocol;
 * only the MCP transport (and, in demo mode, the banner) writes to the real stdout.
 */
public final class Main {
    /** Exit status for a bad command line. */
    static final int EXIT_USAGE = 2;
    /** Exit status when the exporter cannot start on any port. */
    static final int EXIT_UNAVAILABLE = 1;

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {}

    /** Runs the example; see the class comment. */
    public static void main(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s - %5$s%6$s%n");
        }
        ExampleOptions options;
        try {
            options = ExampleOptions.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("kmon-example: " + e.getMessage());
            System.err.print(ExampleOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help()) {
            stdout.print(ExampleOptions.USAGE);
            stdout.flush();
            return;
        }
        System.exit(run(options, stdout));
    }

    private static int run(ExampleOptions options, PrintStream stdout) {
        StopSignal stop = new StopSignal();
        stop.installShutdownHook();
        McpJsonMapper json = McpJsonDefaults.getMapper();
        Kmon kmon = Kmon.global();
        SimulatedLink link = new SimulatedLink();
        ExampleApp app;
        try {
            app = ExampleApp.start(kmon, options.port(), link, Clock.systemUTC(), json);
        } catch (UncheckedIOException e) {
            System.err.println("kmon-example: cannot start the dashboard on 127.0.0.1, not even on a free port ("
                    + e.getMessage() + ")");
            stop.finished();
            kmon.close();
            return EXIT_UNAVAILABLE;
        }
        // Pushes over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nothing starts.
        Optional<OtlpExport> otlp = KmonOtel.startFromEnvironment(kmon, "kmon-example");
        try {
            if (options.demo()) {
                runDemo(app, stop, stdout);
            } else {
                runMcp(app, stop, json, stdout);
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            otlp.ifPresent(OtlpExport::close); // a last export, so the final calls reach the collector
            app.close();
            kmon.close();
            LOG.log(System.Logger.Level.INFO, "stopped");
            stop.finished();
        }
    }

    private static void runMcp(ExampleApp app, StopSignal stop, McpJsonMapper json, PrintStream stdout)
            throws InterruptedException {
        LOG.log(
                System.Logger.Level.INFO,
                "kmon dashboard: " + app.dashboard() + " (JSON: " + app.dashboard() + "metrics, health: "
                        + app.dashboard() + "health); MCP on stdio");
        EndOfInput stdin = new EndOfInput(System.in, () -> stop.request("stdin closed"));
        McpStdioServer server = McpStdioServer.start(app.tools(), json, stdin, stdout, version());
        try {
            stop.awaitRequest();
        } finally {
            server.close();
        }
    }

    private static void runDemo(ExampleApp app, StopSignal stop, PrintStream stdout) {
        DemoTraffic demo = new DemoTraffic(app.tools(), app.link(), new Random(), Thread::sleep);
        stop.onRequest(demo::stop);
        stdout.println("kmon-example demo: calling the media tools about 7 times a second"
                + " (each also calls the media API: both layers are counted).");
        stdout.println("Dashboard:  " + app.dashboard());
        stdout.println(
                "Metrics:    " + app.dashboard() + "metrics  (Prometheus: " + app.dashboard() + "metrics/prometheus)");
        stdout.println("Health:     " + app.dashboard() + "health");
        stdout.println("Press Ctrl-C to stop.");
        stdout.flush();
        demo.run();
        stdout.println("Demo stopped after " + demo.steps() + " calls.");
        stdout.flush();
    }

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
