package io.kmon.processor.ops;

import io.kmon.processor.model.ProxyModel;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes one interface's operations resources to the class output, with the interface as their
 * only originating element (so Gradle's isolating incremental processing stays valid):
 * {@code META-INF/kmon/<binary name>.rules.yml}, {@code .dashboard.json} and {@code .metrics.json}.
 */
public final class OpsResources {
    /** The class-path folder of every kmon resource. */
    public static final String FOLDER = "META-INF/kmon/";
    /** Suffix of the Prometheus rule file. */
    public static final String RULES = ".rules.yml";
    /** Suffix of the Grafana dashboard. */
    public static final String DASHBOARD = ".dashboard.json";
    /** Suffix of the metric catalogue. */
    public static final String CATALOGUE = ".metrics.json";

    private final Filer filer;
    private final OpsModels models;

    /**
     * A writer.
     *
     * @param filer where resources go
     * @param elements element utilities of this compilation
     * @param types type utilities of this compilation
     */
    public OpsResources(Filer filer, Elements elements, Types types) {
        this.filer = filer;
        this.models = new OpsModels(elements, types);
    }

    /**
     * Writes the three resources of {@code proxy}'s interface.
     *
     * @param proxy the validated model of the generated class
     * @throws IOException when the filer refuses a file
     */
    public void write(ProxyModel proxy) throws IOException {
        OpsModel model = models.of(proxy);
        String base = FOLDER + model.interfaceName();
        write(base + RULES, AlertRules.write(model), proxy);
        write(base + DASHBOARD, Dashboard.write(model), proxy);
        write(base + CATALOGUE, Catalogue.write(model), proxy);
    }

    private void write(String path, String text, ProxyModel proxy) throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, proxy.element());
        try (Writer w = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
            w.write(text);
        }
    }
}
