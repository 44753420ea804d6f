package io.kmon.processor.ops;

import io.kmon.processor.model.MethodKind;
import io.kmon.processor.model.ProxyMethod;
import io.kmon.processor.model.ProxyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Builds an {@link OpsModel} from the model the generated class is written from. */
final class OpsModels {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final Elements elements;
    private final Types types;

    OpsModels(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    OpsModel of(ProxyModel proxy) {
        List<OpsMethod> methods = new ArrayList<>();
        for (ProxyMethod m : proxy.methods()) {
            if (m.kind() != MethodKind.DELEGATED) {
                methods.add(new OpsMethod(m.tag(), m.slowNanos() / NANOS_PER_MILLI, m.slowLevel(), alertOnTypes(m)));
            }
        }
        return new OpsModel(
                elements.getBinaryName(proxy.element()).toString(), proxy.component(), proxy.prefix(), methods);
    }

    /**
     * The runtime tags a failure with its class's simple name and alerts on subtypes too; the
     * subtypes known here are the method's declared exceptions.
     */
    private List<String> alertOnTypes(ProxyMethod m) {
        TreeSet<String> names = new TreeSet<>();
        for (TypeElement type : m.alertOn()) {
            names.add(type.getSimpleName().toString());
            for (TypeMirror thrown : m.thrownTypes()) {
                if (thrown instanceof DeclaredType declared
                        && types.isSubtype(types.erasure(thrown), types.erasure(type.asType()))) {
                    names.add(declared.asElement().getSimpleName().toString());
                }
            }
        }
        return List.copyOf(names);
    }
}
