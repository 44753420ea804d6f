package io.kmon.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import io.kmon.processor.model.MethodKind;
import io.kmon.processor.model.ProxyMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Writes the implementation of one interface method.
 *
 * <p>A timed method reads {@link System#nanoTime()} before and after the delegate call, inline,
 * and hands the difference to its handle. The delegate's exception is caught as
 * {@code Throwable} and rethrown as is: the same object, and thanks to precise rethrow
 * (JLS 11.2.2) the method still declares only the interface's checked exceptions.
 * Local variable names never shadow a parameter, fields shadowed by a parameter are reached
 * through {@code this}, and a parameter named like a package the code names is renamed; which
 * types are written qualified is {@link NameScope}'s decision.
 *
 * <p>Each report to the handle is wrapped in a {@code catch (StackOverflowError)}. A call made
 * near the end of the stack (a deep or runaway recursion through the proxy) can overflow on
 * entry to the handle, where the handle cannot catch it itself; without the guard that fresh
 * overflow would replace the delegate's own error, or turn a returned value into an error.
 * With it, the record is lost and the caller sees what the delegate did. The guard costs
 * nothing when nothing is thrown (an exception table entry).
 */
final class MethodWriter {
    private final ProxyMethod method;
    /** The implementation's parameter names: the interface's, but never a package the code names. */
    private final List<String> parameterNames = new ArrayList<>();

    private final String start;
    private final String result;
    private final String error;
    private final String overflow;

    MethodWriter(ProxyMethod method) {
        this.method = method;
        Set<String> taken = new HashSet<>();
        for (VariableElement parameter : method.element().getParameters()) {
            taken.add(parameter.getSimpleName().toString());
        }
        taken.addAll(RuntimeTypes.PACKAGE_ROOTS);
        for (VariableElement parameter : method.element().getParameters()) {
            String name = parameter.getSimpleName().toString();
            // A parameter called java would obscure java.lang.System (JLS 6.4.2); the name of an
            // implementation's parameter is free, so that one is renamed.
            parameterNames.add(RuntimeTypes.PACKAGE_ROOTS.contains(name) ? fresh(name, taken) : name);
        }
        taken.add(ProxyWriter.DELEGATE);
        taken.add(method.field());
        this.start = fresh("start", taken);
        this.result = fresh("result", taken);
        this.error = fresh("error", taken);
        this.overflow = fresh("overflow", taken);
    }

    MethodSpec write() {
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
                .addAnnotation(RuntimeTypes.OVERRIDE)
                .addModifiers(Modifier.PUBLIC);
        if (method.deprecated()) {
            builder.addAnnotation(RuntimeTypes.DEPRECATED);
        }
        Set<String> suppressed = new TreeSet<>(method.suppressedWarnings());
        if (method.safeVarargs()) {
            // The array goes to the delegate untouched, so no heap pollution can start here.
            builder.addAnnotation(RuntimeTypes.SAFE_VARARGS).addModifiers(Modifier.FINAL);
            suppressed.add("varargs");
        }
        if (!suppressed.isEmpty()) {
            CodeBlock values =
                    suppressed.stream().map(w -> CodeBlock.of("$S", w)).collect(CodeBlock.joining(", "));
            builder.addAnnotation(AnnotationSpec.builder(RuntimeTypes.SUPPRESS_WARNINGS)
                    .addMember("value", suppressed.size() == 1 ? "$L" : "{$L}", values)
                    .build());
        }
        for (TypeVariable variable : method.type().getTypeVariables()) {
            builder.addTypeVariable(TypeVariableName.get(variable));
        }
        List<? extends VariableElement> parameters = method.element().getParameters();
        List<? extends TypeMirror> parameterTypes = method.type().getParameterTypes();
        for (int i = 0; i < parameters.size(); i++) {
            TypeName parameterType = TypeName.get(parameterTypes.get(i));
            builder.addParameter(
                    ParameterSpec.builder(parameterType, parameterNames.get(i)).build());
        }
        builder.varargs(method.element().isVarArgs());
        builder.returns(TypeName.get(method.type().getReturnType()));
        for (TypeMirror thrown : method.thrownTypes()) {
            builder.addException(TypeName.get(thrown));
        }
        return builder.addCode(body()).build();
    }

    private CodeBlock body() {
        boolean isVoid = method.type().getReturnType().getKind() == TypeKind.VOID;
        CodeBlock call = call();
        if (method.kind() == MethodKind.DELEGATED) {
            return isVoid
                    ? CodeBlock.builder().addStatement("$L", call).build()
                    : CodeBlock.builder().addStatement("return $L", call).build();
        }
        String handle = field(method.field());
        CodeBlock.Builder code =
                CodeBlock.builder().addStatement("long $N = $T.nanoTime()", start, RuntimeTypes.SYSTEM);
        if (!isVoid) {
            code.addStatement("$T $N", TypeName.get(method.type().getReturnType()), result);
        }
        code.beginControlFlow("try");
        if (isVoid) {
            code.addStatement("$L", call);
        } else {
            code.addStatement("$N = $L", result, call);
        }
        code.nextControlFlow("catch ($T $N)", RuntimeTypes.THROWABLE, error)
                .add(guarded(
                        CodeBlock.of("$L.failure($T.nanoTime() - $N, $N)", handle, RuntimeTypes.SYSTEM, start, error),
                        "the delegate's error goes on unchanged"))
                .addStatement("throw $N", error)
                .endControlFlow();
        if (method.kind() == MethodKind.ASYNC) {
            // The caller gets the delegate's stage itself; it is timed to completion.
            return code.beginControlFlow("try")
                    .addStatement("return $L.track($N, $N)", handle, result, start)
                    .nextControlFlow("catch ($T $N)", RuntimeTypes.STACK_OVERFLOW_ERROR, overflow)
                    .addStatement("return $N", result)
                    .endControlFlow()
                    .build();
        }
        code.add(guarded(
                CodeBlock.of("$L.success($T.nanoTime() - $N)", handle, RuntimeTypes.SYSTEM, start),
                isVoid ? "the call returns as it did" : "the delegate's result goes on unchanged"));
        if (!isVoid) {
            code.addStatement("return $N", result);
        }
        return code.build();
    }

    /** {@code report;} in a guard against a stack overflow inside kmon; see the class comment. */
    private CodeBlock guarded(CodeBlock report, String outcome) {
        return CodeBlock.builder()
                .beginControlFlow("try")
                .addStatement("$L", report)
                .nextControlFlow("catch ($T $N)", RuntimeTypes.STACK_OVERFLOW_ERROR, overflow)
                .add("// no stack left to record the call: $L\n", outcome)
                .endControlFlow()
                .build();
    }

    /** {@code delegate.name(args)}, with explicit type arguments for a generic method. */
    private CodeBlock call() {
        CodeBlock.Builder call = CodeBlock.builder().add("$L.", field(ProxyWriter.DELEGATE));
        List<? extends TypeVariable> variables = method.type().getTypeVariables();
        if (!variables.isEmpty()) {
            call.add("<");
            for (int i = 0; i < variables.size(); i++) {
                call.add(
                        i == 0 ? "$T" : ", $T",
                        TypeVariableName.get(
                                variables.get(i).asElement().getSimpleName().toString()));
            }
            call.add(">");
        }
        call.add("$N(", method.name());
        for (int i = 0; i < parameterNames.size(); i++) {
            call.add(i == 0 ? "$N" : ", $N", parameterNames.get(i));
        }
        return call.add(")").build();
    }

    private String field(String name) {
        return parameterNames.contains(name) ? "this." + name : name;
    }

    private static String fresh(String wanted, Set<String> taken) {
        String name = wanted;
        while (!taken.add(name)) {
            name = name + "_";
        }
        return name;
    }
}
