package io.kmon.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
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
    void generatedAnnotation_namesTheProcessor() {
        assertThat(io.kmon.processor.codegen.RuntimeTypes.GENERATOR).isEqualTo(KmonProcessor.class.getName());
    }
}
