package io.kmon.ops;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds the Prometheus rules, Grafana dashboards and metric catalogues that kmon's processor wrote
 * into the jars and class folders of a class path, and copies them into one folder, so the
 * resources of every module of an application end up where Prometheus and Grafana read them.
 *
 * <pre>{@code
 * java -cp "app.jar:lib/*" io.kmon.ops.OpsResources            # list them
 * java -cp "app.jar:lib/*" io.kmon.ops.OpsResources ops/       # copy them into ops/
 * }</pre>
 *
 * <p>Only files directly under {@value #FOLDER} with one of the three suffixes are taken, each
 * at most {@value #MAX_BYTES} bytes; the first of two files with one name wins, as on a class path.
 */
public final class OpsResources {
    /** The class-path folder the processor writes to. */
    public static final String FOLDER = "META-INF/kmon/";
    /** Largest file taken: generated files are a few KiB. */
    public static final int MAX_BYTES = 4 << 20;
    /** File names the processor writes: an interface's binary name and one of three suffixes. */
    private static final Pattern NAME = Pattern.compile("[^/\\\\]+\\.(rules\\.yml|dashboard\\.json|metrics\\.json)");

    private OpsResources() {}

    /**
     * One resource found.
     *
     * @param name the file name, {@code com.example.Billing.rules.yml}
     * @param origin the jar or folder it came from
     * @param content its bytes
     */
    public record Resource(String name, Path origin, byte[] content) {}

    /**
     * {@return the resources of every entry of {@code classPath}, by file name, in class path order}
     *
     * @param classPath jars and folders; missing ones and other files are skipped
     * @throws IOException when a jar or folder cannot be read
     */
    public static List<Resource> find(List<Path> classPath) throws IOException {
        Map<String, Resource> found = new LinkedHashMap<>();
        for (Path entry : classPath) {
            for (Resource r : Files.isDirectory(entry)
                    ? inFolder(entry)
                    : Files.isRegularFile(entry) ? inJar(entry) : List.<Resource>of()) {
                found.putIfAbsent(r.name(), r);
            }
        }
        return List.copyOf(found.values());
    }

    /** {@return this JVM's class path, {@code java.class.path}, as paths} */
    public static List<Path> classPath() {
        List<Path> paths = new ArrayList<>();
        for (String p : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!p.isEmpty()) {
                paths.add(Path.of(p));
            }
        }
        return paths;
    }

    /**
     * Lists the resources on this JVM's class path, or with a folder argument copies them into it.
     *
     * @param args none, or the folder to copy into (created when missing)
     * @throws IOException when a class path entry or the folder cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("usage: java -cp <class path> io.kmon.ops.OpsResources [folder]");
            System.exit(2);
        }
        List<Resource> resources = find(classPath());
        if (args.length == 0) {
            list(resources, System.out);
        } else {
            extract(resources, Path.of(args[0]), System.out);
        }
    }

    /**
     * Prints one line per resource: name and origin.
     *
     * @param resources what {@link #find} returned
     * @param out where to print
     */
    public static void list(List<Resource> resources, PrintStream out) {
        resources.forEach(r -> out.println(r.name() + "\t" + r.origin()));
    }

    /**
     * Writes each resource into {@code folder}, replacing files of the same name.
     *
     * @param resources what {@link #find} returned
     * @param folder where to write; created when missing
     * @param out where to report each file written
     * @throws IOException when the folder cannot be written
     */
    public static void extract(List<Resource> resources, Path folder, PrintStream out) throws IOException {
        Files.createDirectories(folder);
        for (Resource r : resources) {
            Path target = folder.resolve(r.name());
            Path temp = Files.createTempFile(folder, ".kmon", ".tmp");
            Files.write(temp, r.content());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            out.println(target);
        }
    }

    private static List<Resource> inFolder(Path root) throws IOException {
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Resource> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (NAME.matcher(name).matches() && Files.isRegularFile(f) && Files.size(f) <= MAX_BYTES) {
                    found.add(new Resource(name, root, Files.readAllBytes(f)));
                }
            }
        }
        return found;
    }

    private static List<Resource> inJar(Path jar) throws IOException {
        List<Resource> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                boolean ours = name.startsWith(FOLDER)
                        && NAME.matcher(name.substring(FOLDER.length())).matches();
                if (ours && !e.isDirectory() && e.getSize() <= MAX_BYTES) {
                    byte[] content = read(zip, e);
                    if (content != null) {
                        found.add(new Resource(name.substring(FOLDER.length()), jar, content));
                    }
                }
            }
        } catch (ZipException notAJar) {
            return List.of(); // a class path may name other files
        }
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return found;
    }

    /** The entry's bytes, or null past {@value #MAX_BYTES}: a zip entry's declared size may lie. */
    private static byte[] read(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? null : bytes;
        }
    }
}
