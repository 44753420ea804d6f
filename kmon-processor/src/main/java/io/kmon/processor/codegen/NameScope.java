package io.kmon.processor.codegen;

import io.kmon.processor.model.ProxyMethod;
import io.kmon.processor.model.ProxyModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The names in scope inside a generated class, and what they mean for the names it writes.
 * Generated code names {@link RuntimeTypes} by simple name, except where something in the
 * class would shadow or obscure that name (JLS 6.4): a same-package type (for {@code java.lang}
 * names, which are not imported), a type variable, a member type or a constant the class
 * inherits from the interface, a parameter, or a handle field. Those are written qualified.
 *
 * <p>A qualified name in turn starts with a package ({@code java}, {@code javax}, {@code io}).
 * Handle fields never take those names and parameters that have them are renamed, but a type
 * variable, member type, constant or same-package type of that name would hide the package:
 * {@link #hider} finds it, so that it is reported instead of generated. The class's own name
 * is treated alike, since a member type the interface declares may take it.
 */
public final class NameScope {
    private final Elements elements;
    /**
     * {@link #javaLangClashes} per package, computed once: scanning a package per interface
     * would make a package of n interfaces cost n squared lookups. Types generated later into the
     * package are {@code Monitored*} classes, which never clash with {@code java.lang}.
     */
    private final Map<String, Set<String>> javaLangClashes = new HashMap<>();

    /** Looks up names with {@code elements}. */
    public NameScope(Elements elements) {
        this.elements = elements;
    }

    /**
     * Simple names of the {@link RuntimeTypes}, and of the generated class itself, that the class
     * for {@code model} must write qualified, sorted.
     */
    public Set<String> qualified(ProxyModel model) {
        Set<String> names = new TreeSet<>(javaLangClashes(model));
        names.addAll(declared(model).keySet());
        for (ProxyMethod method : model.methods()) {
            names.add(method.field());
            method.element()
                    .getParameters()
                    .forEach(p -> names.add(p.getSimpleName().toString()));
        }
        names.removeIf(name -> !RuntimeTypes.SIMPLE_NAMES.contains(name) && !name.equals(model.className()));
        return names;
    }

    /**
     * A type variable, member type, constant or same-package type that hides a name the class
     * for {@code model} must write, so that it could not compile: the package of a type it
     * writes qualified, or, in the unnamed package, where nothing can be qualified, the class's
     * own name.
     */
    public Optional<Element> hider(ProxyModel model) {
        Set<String> qualified = qualified(model);
        Set<String> roots = new TreeSet<>(RuntimeTypes.packageRoots(qualified));
        if (qualified.contains(model.className())) {
            String pkg = model.packageName();
            roots.add(pkg.isEmpty() ? model.className() : pkg.split("\\.", 2)[0]);
        }
        if (roots.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Element> declared = declared(model);
        PackageElement pkg = elements.getPackageOf(model.element());
        pkg.getEnclosedElements()
                .forEach(e -> declared.putIfAbsent(e.getSimpleName().toString(), e));
        return roots.stream().map(declared::get).filter(e -> e != null).findFirst();
    }

    /** Type variables, member types and constants in scope in the generated class, by name. */
    private Map<String, Element> declared(ProxyModel model) {
        Map<String, Element> names = new LinkedHashMap<>();
        TypeElement iface = model.element();
        iface.getTypeParameters()
                .forEach(t -> names.putIfAbsent(t.getSimpleName().toString(), t));
        for (Element member : elements.getAllMembers(iface)) {
            if (member.getKind().isField()
                    || member.getKind().isClass()
                    || member.getKind().isInterface()) {
                names.putIfAbsent(member.getSimpleName().toString(), member);
            }
        }
        for (ProxyMethod method : model.methods()) {
            method.element()
                    .getTypeParameters()
                    .forEach(t -> names.putIfAbsent(t.getSimpleName().toString(), t));
        }
        return names;
    }

    /**
     * Simple names of the package's own types that are also {@code java.lang} types. Generated
     * code leaves {@code java.lang} unimported, and in this package those names would mean the
     * package's type instead.
     */
    private Set<String> javaLangClashes(ProxyModel model) {
        return javaLangClashes.computeIfAbsent(model.packageName(), name -> {
            PackageElement pkg = elements.getPackageOf(model.element());
            Set<String> clashes = new TreeSet<>();
            for (Element e : pkg.getEnclosedElements()) {
                String simpleName = e.getSimpleName().toString();
                if (elements.getTypeElement("java.lang." + simpleName) != null) {
                    clashes.add(simpleName);
                }
            }
            return Set.copyOf(clashes);
        });
    }
}
