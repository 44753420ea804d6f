package io.kmon.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsResourcesTest {
    @TempDir
    Path dir;

    @Test
    void find_takesTheThreeKindsFromFoldersAndJars_inClassPathOrder_firstNameWins() throws IOException {
        Path classes = dir.resolve("classes");
        write(classes.resolve("META-INF/kmon/a.Billing.rules.yml"), "groups: []\n");
        write(classes.resolve("META-INF/kmon/notes.txt"), "not ours");
        write(classes.resolve("META-INF/kmon/sub/b.Orders.rules.yml"), "nested: not ours");
        Path jar = jar(
                dir.resolve("lib.jar"),
                "META-INF/kmon/a.Billing.rules.yml",
                "shadowed",
                "META-INF/kmon/b.Orders.dashboard.json",
                "{}",
                "META-INF/kmon/b.Orders.metrics.json",
                "{\"m\":1}",
                "META-INF/kmon/../../evil.rules.yml",
                "zip slip",
                "META-INF/other/c.rules.yml",
                "elsewhere");
        Path notAJar = Files.writeString(dir.resolve("README.txt"), "text");

        List<OpsResources.Resource> found = OpsResources.find(List.of(classes, dir.resolve("missing"), notAJar, jar));

        assertEquals(
                List.of("a.Billing.rules.yml", "b.Orders.dashboard.json", "b.Orders.metrics.json"),
                found.stream().map(OpsResources.Resource::name).toList());
        assertEquals("groups: []\n", new String(found.get(0).content(), StandardCharsets.UTF_8));
        assertEquals(classes, found.get(0).origin());
        assertEquals(jar, found.get(1).origin());
    }

    @Test
    void find_skipsAnEntryLargerThanTheCap() throws IOException {
        Path jar = jar(
                dir.resolve("big.jar"),
                "META-INF/kmon/x.rules.yml",
                "a".repeat(OpsResources.MAX_BYTES + 1),
                "META-INF/kmon/y.rules.yml",
                "ok");

        assertEquals(
                List.of("y.rules.yml"),
                OpsResources.find(List.of(jar)).stream()
                        .map(OpsResources.Resource::name)
                        .toList());
    }

    @Test
    void extract_writesEachFileIntoTheFolder_andListNamesTheirOrigins() throws IOException {
        Path jar = jar(
                dir.resolve("app.jar"),
                "META-INF/kmon/a.Billing.rules.yml",
                "groups: []\n",
                "META-INF/kmon/a.Billing.dashboard.json",
                "{}");
        List<OpsResources.Resource> found = OpsResources.find(List.of(jar));
        Path out = dir.resolve("ops");
        Files.createDirectories(out);
        Files.writeString(out.resolve("a.Billing.rules.yml"), "old");

        OpsResources.extract(found, out, new PrintStream(OutputStream.nullOutputStream()));
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        OpsResources.list(found, new PrintStream(listed, true, StandardCharsets.UTF_8));

        assertEquals("groups: []\n", Files.readString(out.resolve("a.Billing.rules.yml")));
        assertEquals("{}", Files.readString(out.resolve("a.Billing.dashboard.json")));
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
        String text = listed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("a.Billing.rules.yml\t" + jar), text);
        assertFalse(Files.exists(dir.resolve("evil.rules.yml")));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static Path jar(Path jar, String... namesAndContents) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
