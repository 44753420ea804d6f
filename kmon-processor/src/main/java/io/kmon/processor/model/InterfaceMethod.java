package io.kmon.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * A method a {@code @Monitored} interface declares or inherits, as the generated class must
 * implement it.
 *
 * @param element the declaring interface's method
 * @param type its type as a member of the monitored interface
 * @param thrownTypes the exceptions the implementation may declare
 */
public record InterfaceMethod(ExecutableElement element, ExecutableType type, List<TypeMirror> thrownTypes) {

    /** Copies the list. */
    public InterfaceMethod {
        thrownTypes = List.copyOf(thrownTypes);
    }
}
