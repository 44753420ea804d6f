package io.kmon.processor.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.kmon.processor.model.KmonAnnotations;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports {@code @Monitored} on local types (declared in a method body, an initializer or a
 * lambda, or nested in an anonymous class).
 *
 * <p>javac never hands local types to annotation processors, so without this scan such an
 * annotation would silently do nothing. The scan reads javac's syntax trees
 * ({@link Trees}; other compilers are skipped), only in files that import
 * {@code io.kmon.annotations}, and only runs when javac runs this processor, that is when the
 * compilation has at least one other kmon annotation.
 */
public final class LocalTypeScanner {
    private static final String PACKAGE = "io.kmon.annotations";

    private final Trees trees;

    private LocalTypeScanner(Trees trees) {
        this.trees = trees;
    }

    /** A scanner for {@code env}; one that does nothing when the compiler is not javac. */
    public static LocalTypeScanner create(ProcessingEnvironment env) {
        try {
            return new LocalTypeScanner(Trees.instance(env));
        } catch (IllegalArgumentException | LinkageError e) {
            return new LocalTypeScanner(null); // not javac: no syntax trees to read
        }
    }

    /** Scans the files that declare {@code roots} and reports each local {@code @Monitored} type. */
    public void scan(Set<? extends Element> roots) {
        if (trees == null) {
            return;
        }
        Set<CompilationUnitTree> units = new LinkedHashSet<>();
        for (Element root : roots) {
            TreePath path = trees.getPath(root);
            if (path != null) {
                units.add(path.getCompilationUnit());
            }
        }
        for (CompilationUnitTree unit : units) {
            if (importsKmon(unit)) {
                new Scanner(unit).scan(unit, null);
            }
        }
    }

    private static boolean importsKmon(CompilationUnitTree unit) {
        for (ImportTree imported : unit.getImports()) {
            if (imported.getQualifiedIdentifier().toString().startsWith(PACKAGE + ".")) {
                return true;
            }
        }
        return unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE);
    }

    private final class Scanner extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;

        Scanner(CompilationUnitTree unit) {
            this.unit = unit;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            if (isLocal(getCurrentPath())) {
                for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
                    if (isMonitored(annotation)) {
                        trees.printMessage(Diagnostic.Kind.ERROR, Messages.LOCAL_TYPE, annotation, unit);
                    }
                }
            }
            return super.visitClass(type, unused);
        }

        private boolean isLocal(TreePath path) {
            for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
                Tree leaf = p.getLeaf();
                if (leaf instanceof BlockTree || leaf instanceof LambdaExpressionTree || leaf instanceof NewClassTree) {
                    return true;
                }
            }
            return false;
        }

        private boolean isMonitored(AnnotationTree annotation) {
            String name = annotation.getAnnotationType().toString();
            return name.equals(KmonAnnotations.MONITORED) || name.equals("Monitored");
        }
    }
}
