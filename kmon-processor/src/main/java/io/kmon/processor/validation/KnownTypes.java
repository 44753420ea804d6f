package io.kmon.processor.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The top-level types this compilation declares, so a generated name can be checked against
 * them before anything is written.
 *
 * <p>Only source types count: a class file with the generated name on the classpath is
 * usually this processor's own output from an earlier build, and the {@code Filer} replaces it.
 */
public final class KnownTypes {
    private final Set<String> declared = new HashSet<>();
    private final Map<String, String> generated = new HashMap<>();

    /** Records a round's root elements (top-level types from sources). */
    public void addRoots(Set<? extends Element> roots) {
        for (Element root : roots) {
            if (root instanceof TypeElement type) {
                String name = type.getQualifiedName().toString();
                if (!generated.containsKey(name)) {
                    declared.add(name);
                }
            }
        }
    }

    /** Records that {@code className} was generated for {@code iface}. */
    public void addGenerated(String className, TypeElement iface) {
        generated.put(className, iface.getQualifiedName().toString());
    }

    /** What already holds {@code className}, if anything: a source type, or another interface's class. */
    public Optional<String> holderOf(String className) {
        if (generated.containsKey(className)) {
            return Optional.of("the class generated for " + generated.get(className));
        }
        return declared.contains(className) ? Optional.of("type " + className) : Optional.empty();
    }
}
