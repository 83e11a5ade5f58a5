package kr.madang.platform;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * A bean that may be absent (a tracer when tracing is off), looked up on first use and then kept, its absence
 * included. Why: {@link ObjectProvider#getIfAvailable()} resolves the dependency through the bean factory on every
 * call; on paths taken for every registration and every email that was 2-3 % of a service's CPU (issue 15's profiles).
 */
public final class OptionalBean<T> {

    private final SingletonSupplier<Optional<T>> bean;

    private OptionalBean(ObjectProvider<T> provider) {
        this.bean = SingletonSupplier.of(() -> Optional.ofNullable(provider == null ? null : provider.getIfAvailable()));
    }

    public static <T> OptionalBean<T> of(ObjectProvider<T> provider) {
        return new OptionalBean<>(provider);
    }

    /** The bean, or null when the context has none. */
    public T orNull() {
        return bean.obtain().orElse(null);
    }
}
