package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated source for a representative interface, character for character, to catch
 * output that works but reads badly. Regenerate: see {@link Golden}.
 */
class GoldenFileTest {
    @Test
    void warehouse_generatesTheGoldenSource() {
        Compilation compilation = Compile.succeeding(Compile.resource("golden/Warehouse.java"));
        String actual = Golden.generatedSource(compilation, "test.MonitoredWarehouse");

        assertThat(actual).isEqualTo(Golden.expected("MonitoredWarehouse.java", actual));
    }

    @Test
    void shadowingNames_generateTheGoldenSource_withQualifiedNamesAndRenamedLocals() {
        Compilation compilation = Compile.succeeding(Compile.resource("golden/Shadowed.java"));
        String actual = Golden.generatedSource(compilation, "test.MonitoredShadowed");

        assertThat(actual).isEqualTo(Golden.expected("MonitoredShadowed.java", actual));
    }

    @Test
    void output_isTheSameWhateverTheSourceOrder() {
        JavaFileObject warehouse = Compile.resource("golden/Warehouse.java");
        JavaFileObject finder = Compile.shape("Finder");

        Compilation first = Compile.succeeding(warehouse, finder);
        Compilation second = Compile.succeeding(finder, warehouse);

        for (String name : List.of("test.MonitoredWarehouse", "test.MonitoredFinder")) {
            assertThat(Golden.generatedSource(second, name)).isEqualTo(Golden.generatedSource(first, name));
        }
    }

    @Test
    void interfaceInTheUnnamedPackage_getsItsClassThere() {
        Compilation compilation = Compile.succeeding(JavaFileObjects.forSourceString(
                "Top", "@io.kmon.annotations.Monitored public interface Top { void run(); }"));

        assertThat(Golden.generatedSource(compilation, "MonitoredTop")).startsWith("import ");
    }

    @Test
    void generatedAnnotation_namesTheProcessor() {
        assertThat(io.kmon.processor.codegen.RuntimeTypes.GENERATOR).isEqualTo(KmonProcessor.class.getName());
    }
}
