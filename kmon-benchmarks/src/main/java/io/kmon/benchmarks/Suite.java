package io.kmon.benchmarks;

import io.kmon.benchmarks.report.Footprint;
import io.kmon.benchmarks.report.Machine;
import io.kmon.benchmarks.report.Measurement;
import io.kmon.benchmarks.report.Report;
import io.kmon.benchmarks.report.Results;
import io.kmon.benchmarks.report.Run;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite, at 1 and then 2 threads, measures the footprint, and writes the report.
 *
 * <pre>{@code
 * java -jar kmon-benchmarks/target/benchmarks.jar --out docs/BENCHMARKS.md   # full run
 * java -jar kmon-benchmarks/target/benchmarks.jar --smoke                    # CI: does it all still run?
 * }</pre>
 *
 * <p>Options: {@code --smoke} (one fork, one short iteration, report to
 * {@code kmon-benchmarks/target/BENCHMARKS-smoke.md}), {@code --out FILE}, {@code --include REGEX}
 * (benchmarks to run, default all), {@code --threads 1,2}, {@code --command TEXT} (how the
 * report names the command). A benchmark that fails makes the whole run fail. Plain JMH is
 * there too: {@code java -cp benchmarks.jar org.openjdk.jmh.Main -h}.
 */
public final class Suite {
    static final String ALL = "io\\.kmon\\.benchmarks\\..*Benchmark\\..*";
    static final String FULL_JVM_ARGS = "-Xms2g -Xmx2g";
    static final int FOOTPRINT_METHODS = 1_000;
    /** The benchmark classes, in the order. */
    static final List<Class<?>> CLASSES = List.of(
            BaselineBenchmark.class,
            KmonBenchmark.class,
            DynamicProxyBenchmark.class,
            MicrometerBenchmark.class,
            DropwizardBenchmark.class,
            PrometheusBenchmark.class,
            ExportBenchmark.class,
            AnatomyBenchmark.class);
    /** How long a full run may wait in all, between benchmarks, for other processes to finish. */
    static final Duration WAIT_BUDGET = Duration.ofMinutes(10);

    private Suite() {}

    /** Runs the suite; exits non-zero on bad arguments or a failed benchmark. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: [--smoke] [--out FILE] [--include REGEX] [--threads 1,2] [--command TEXT]");
            System.exit(2);
            return;
        }
        boolean smoke = options.containsKey("smoke");
        Path out = Path.of(options.getOrDefault(
                "out", smoke ? "kmon-benchmarks/target/BENCHMARKS-smoke.md" : "docs/BENCHMARKS.md"));
        String include = options.getOrDefault("include", ALL);
        List<Integer> threads = threads(options.getOrDefault("threads", "1,2"));
        String command = options.getOrDefault(
                "command", "java -jar kmon-benchmarks/target/benchmarks.jar " + String.join(" ", args));

        Path root = Path.of("/");
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadStart = Machine.loadAverage(root);
        List<Measurement> measurements = new ArrayList<>();
        QuietGate gate = new QuietGate(root, smoke ? Duration.ZERO : WAIT_BUDGET);
        try {
            for (int t : threads) {
                for (String benchmark : benchmarks(include)) {
                    double others = smoke ? Double.NaN : gate.await();
                    String only = "^" + Pattern.quote(benchmark) + "$";
                    for (RunResult r : new Runner(options(smoke, only, t).build()).run()) {
                        measurements.add(measurement(r, others));
                    }
                }
            }
        } catch (RunnerException e) {
            System.err.println("benchmark run failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        Footprint footprint = FootprintProbe.measure(FOOTPRINT_METHODS);
        String loadEnd = Machine.loadAverage(root);

        Run run = new Run(
                date,
                Machine.read(root),
                loadStart,
                loadEnd,
                command,
                settings(smoke, threads),
                new Results(measurements),
                Optional.of(footprint));
        String analysis = Files.exists(out)
                ? Report.analysisOf(Files.readString(out, StandardCharsets.UTF_8))
                : Report.analysisOf("");
        write(out, Report.render(run, analysis));
        System.out.println("kmon benchmarks: " + measurements.size() + " results written to " + out);
    }

    /** The fully qualified names of the benchmark methods that {@code include} finds, class by class. */
    static List<String> benchmarks(String include) {
        Pattern pattern = Pattern.compile(include);
        List<String> names = new ArrayList<>();
        for (Class<?> type : CLASSES) {
            List<String> methods = new ArrayList<>();
            for (Method m : type.getMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    methods.add(type.getName() + "." + m.getName());
                }
            }
            methods.sort(null);
            methods.stream().filter(n -> pattern.matcher(n).find()).forEach(names::add);
        }
        return names;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> options.put("smoke", "true");
                case "--out", "--include", "--threads", "--command" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    options.put(args[i].substring(2), args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return options;
    }

    static List<Integer> threads(String list) {
        List<Integer> threads = new ArrayList<>();
        for (String s : list.split(",")) {
            int t;
            try {
                t = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--threads wants numbers like 1,2, got '" + list + "'", e);
            }
            if (t < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + t);
            }
            threads.add(t);
        }
        return threads;
    }

    static ChainedOptionsBuilder options(boolean smoke, String include, int threads) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(include)
                .threads(threads)
                .forks(1)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(FULL_JVM_ARGS.split(" "))
                .shouldFailOnError(true);
        if (smoke) {
            return b.warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
        }
        return b.warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2));
    }

    static String settings(boolean smoke, List<Integer> threads) {
        String iterations = smoke
                ? "no warmup, 1 measurement iteration of 200 ms (SMOKE: figures are not measurements)"
                : "3 warmup iterations of 1 s, 5 measurement iterations of 2 s";
        return "JMH 1.37, average time (ns/op), 1 fork, " + iterations + ", threads " + threads
                + " (the state is shared: at 2 threads both threads call the same monitored method), `-prof gc`, "
                + "forked JVM args `" + FULL_JVM_ARGS
                + "`. benchmarked kmon instances run their background thread (alert hand-off, window rotation) but not system metrics (OSHI); export and footprint instances run neither; "
                + "Dropwizard's sliding window is 1 s; the footprint uses " + FOOTPRINT_METHODS + " methods. "
                + (smoke
                        ? ""
                        : "Each benchmark runs on its own, after the machine is quiet (fewer than "
                                + QuietGate.QUIET + " other runnable tasks on average over a second; at most "
                                + WAIT_BUDGET.toMinutes()
                                + " minutes of waiting in all): the Others column shows what it was.");
    }

    static Measurement measurement(RunResult r, double othersRunning) {
        String benchmark = r.getParams().getBenchmark();
        int lastDot = benchmark.lastIndexOf('.');
        String type = benchmark.substring(benchmark.lastIndexOf('.', lastDot - 1) + 1, lastDot);
        String group = type.endsWith("Benchmark") ? type.substring(0, type.length() - "Benchmark".length()) : type;
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : r.getParams().getParamsKeys()) {
            params.put(key, r.getParams().getParam(key));
        }
        double bytes = Double.NaN;
        for (String key : r.getSecondaryResults().keySet()) {
            if (key.endsWith("gc.alloc.rate.norm")) {
                bytes = r.getSecondaryResults().get(key).getScore();
            }
        }
        return new Measurement(
                group,
                benchmark.substring(lastDot + 1),
                params,
                r.getParams().getThreads(),
                r.getPrimaryResult().getScore(),
                r.getPrimaryResult().getScoreError(),
                bytes,
                othersRunning);
    }

    private static void write(Path out, String text) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }
}
