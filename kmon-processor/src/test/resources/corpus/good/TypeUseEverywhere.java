package test;

import io.kmon.annotations.Monitored;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

/** Type-use annotations on every position a signature has (bounds too), and a receiver parameter. */
@Monitored
public interface TypeUseEverywhere<T extends @Mark Comparable<@Mark T>> {
    @Mark String receiver(@Mark TypeUseEverywhere<T> this, @Mark String key);

    <U extends @Mark Object> @Mark U generic(@Mark U value, List<@Mark ? extends @Mark U> more);

    @Mark int @Mark [] @Mark [] arrays(String @Mark ... values);

    Map.@Mark Entry<@Mark String, @Mark T> entry(java.lang.@Mark String qualified);

    void fails() throws @Mark IllegalStateException;
}

/** A type-use annotation used in every position. */
@Target(ElementType.TYPE_USE)
@interface Mark {}
