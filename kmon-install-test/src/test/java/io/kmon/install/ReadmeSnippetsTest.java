package io.kmon.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Monitor your own service" snippets are the consumer project's (src/it/own-project),
 * which the invoker then builds: edit a snippet without the project, or the other way round, and
 * this fails. Whitespace runs compare equal, so indentation may differ.
 */
class ReadmeSnippetsTest {
    private static final String SECTION = "## Monitor your own service";
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final String VERSION = System.getProperty("kmon.version");
    /** A plugin's own version follows its coordinates; a version further in belongs to something nested. */
    private static final Pattern PINNED_PLUGIN = Pattern.compile(
            "<plugin>\\s*(<groupId>[^<]*</groupId>\\s*)?<artifactId>[^<]*</artifactId>\\s*<version>[^<]+</version>");

    private static final Path PROJECT = Path.of(System.getProperty("kmon.project"));

    @Test
    void installCommand_isTheOneTheSectionNames() throws IOException {
        assertEquals(List.of("mvn -B install -DskipTests"), blocks("sh"));
    }

    @Test
    void xmlSnippets_areInTheConsumerPomAsTheyStand() throws IOException {
        List<String> xml = blocks("xml");
        assertEquals(3, xml.size(), "BOM, dependency, compiler plugin: " + xml);
        // The invoker fills in @project.version@; the README names the version itself.
        String pom = normalise(Files.readString(PROJECT.resolve("pom.xml")).replace("@project.version@", VERSION));
        for (String snippet : xml) {
            assertTrue(pom.contains(normalise(snippet)), "not in src/it/own-project/pom.xml:\n" + snippet);
        }
    }

    @Test
    void everyPluginSnippet_pinsItsVersion() throws IOException {
        for (String snippet : blocks("xml")) {
            for (String plugin : between(snippet, "<plugin>", "</plugin>")) {
                assertTrue(
                        PINNED_PLUGIN.matcher(plugin).lookingAt(),
                        "a plugin without a version of its own (Maven 3.8 picks an old one):\n" + plugin);
            }
        }
    }

    @Test
    void javaSnippets_areInTheConsumerSourcesAsTheyStand() throws IOException {
        List<String> java = blocks("java");
        assertEquals(2, java.size(), "the interface and the wiring: " + java);
        String sources;
        try (Stream<Path> files = Files.walk(PROJECT.resolve("src/main/java"))) {
            sources = normalise(files.filter(f -> f.toString().endsWith(".java"))
                    .map(ReadmeSnippetsTest::read)
                    .collect(Collectors.joining("\n")));
        }
        for (String snippet : java) {
            assertTrue(sources.contains(normalise(snippet)), "not in src/it/own-project/src/main/java:\n" + snippet);
        }
    }

    @Test
    void gradleSnippet_namesTheBuiltVersionForBothConfigurations() throws IOException {
        List<String> gradle = blocks("kotlin");
        assertEquals(1, gradle.size());
        String snippet = gradle.get(0);
        assertTrue(snippet.contains("implementation(platform(\"io.kmon:kmon-bom:" + VERSION + "\"))"), snippet);
        assertTrue(snippet.contains("annotationProcessor(platform(\"io.kmon:kmon-bom:" + VERSION + "\"))"), snippet);
        assertTrue(snippet.contains("implementation(\"io.kmon:kmon-runtime\")"), snippet);
        assertTrue(snippet.contains("annotationProcessor(\"io.kmon:kmon-processor\")"), snippet);
        assertTrue(snippet.contains("mavenLocal()"), "the installed artifacts are in the local repository");
    }

    private static List<String> blocks(String language) throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("kmon.readme")));
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "README has no section " + SECTION);
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> found = new ArrayList<>();
        Matcher m = BLOCK.matcher(section);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                found.add(m.group(2).strip());
            }
        }
        assertFalse(found.isEmpty(), "no ```" + language + " block in " + SECTION);
        return found;
    }

    private static List<String> between(String text, String open, String close) {
        List<String> parts = new ArrayList<>();
        for (int i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
            int j = text.indexOf(close, i);
            parts.add(text.substring(i, j < 0 ? text.length() : j));
        }
        return parts;
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
