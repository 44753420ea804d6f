package test;

import io.kmon.annotations.Monitored;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.util.List;

/** Type-use annotations on returns, parameters and type arguments. */
@Monitored
public interface TypeUse {
    @Nullable String find(@Nullable String key);

    List<@Nullable String> all();
}

/** A type-use annotation of the compilation's own. */
@Target(ElementType.TYPE_USE)
@interface Nullable {}
