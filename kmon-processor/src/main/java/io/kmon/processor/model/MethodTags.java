package io.kmon.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The {@code method} tag of each method and the name of its handle field.
 *
 * <p>A method's tag is its name; when the name is overloaded, each overload's tag adds its
 * erased parameter types by simple name, {@code find(int)}, {@code find(String...)},
 * {@code find(int[])}. If two overloads would still share a tag (two types called
 * {@code List}), those overloads use qualified names. Field names follow the tags
 * ({@code find}, {@code find_int}, {@code find_StringVarargs}) and never reuse a name.
 */
public final class MethodTags {
    /**
     * Names a handle field must not take: the generated class's own field, and the packages
     * whose qualified names the generated code may write, which a field would obscure.
     */
    private static final Set<String> RESERVED_FIELDS = Set.of("delegate", "java", "javax", "io");

    private final Types types;

    /** Uses the compiler's type utilities for erasure. */
    public MethodTags(Types types) {
        this.types = types;
    }

    /** The tag of each method, in the order given. */
    public List<String> tags(List<InterfaceMethod> methods) {
        Map<String, Integer> byName = new HashMap<>();
        for (InterfaceMethod m : methods) {
            byName.merge(m.element().getSimpleName().toString(), 1, Integer::sum);
        }
        List<String> tags = new ArrayList<>();
        for (InterfaceMethod m : methods) {
            String name = m.element().getSimpleName().toString();
            tags.add(byName.get(name) > 1 ? signature(m, false) : name);
        }
        Map<String, Integer> byTag = new HashMap<>();
        tags.forEach(tag -> byTag.merge(tag, 1, Integer::sum));
        for (int i = 0; i < tags.size(); i++) {
            if (byTag.get(tags.get(i)) > 1) {
                tags.set(i, signature(methods.get(i), true));
            }
        }
        return tags;
    }

    /** A distinct, valid field name for each tag, in the order given. */
    public static List<String> fieldNames(List<String> tags) {
        Set<String> used = new HashSet<>(RESERVED_FIELDS);
        List<String> names = new ArrayList<>();
        for (String tag : tags) {
            String base = fieldBase(tag);
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "_" + n;
            }
            names.add(name);
        }
        return names;
    }

    private static String fieldBase(String tag) {
        int paren = tag.indexOf('(');
        if (paren < 0) {
            return tag;
        }
        String params = tag.substring(paren + 1, tag.length() - 1);
        if (params.isEmpty()) {
            return tag.substring(0, paren);
        }
        StringBuilder name = new StringBuilder(tag.substring(0, paren));
        for (String param : params.split(",")) {
            String words = param.replace("...", "Varargs").replace("[]", "Array");
            String simple = words.substring(words.lastIndexOf('.') + 1);
            name.append('_').append(simple);
        }
        return name.toString();
    }

    private String signature(InterfaceMethod m, boolean qualified) {
        ExecutableElement element = m.element();
        List<? extends TypeMirror> params = m.type().getParameterTypes();
        StringBuilder tag = new StringBuilder(element.getSimpleName()).append('(');
        for (int i = 0; i < params.size(); i++) {
            String name = erasedName(params.get(i), qualified);
            if (element.isVarArgs() && i == params.size() - 1 && name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2) + "...";
            }
            tag.append(i == 0 ? "" : ",").append(name);
        }
        return tag.append(')').toString();
    }

    private String erasedName(TypeMirror type, boolean qualified) {
        TypeMirror erased = types.erasure(type);
        if (erased.getKind() == TypeKind.ARRAY) {
            return erasedName(((ArrayType) erased).getComponentType(), qualified) + "[]";
        }
        if (erased.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) erased).asElement();
            return (qualified ? element.getQualifiedName() : element.getSimpleName()).toString();
        }
        return erased.toString();
    }
}
