package kr.madang.platform;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class OptionalBeanUnitTests {

    @Test
    void aPresentBeanIsResolvedOnceAndThenKept() {
        AtomicInteger lookups = new AtomicInteger();
        DefaultListableBeanFactory context = new DefaultListableBeanFactory();
        context.registerSingleton("greeting", "안녕하세요");
        OptionalBean<String> greeting = OptionalBean.of(counting(context.getBeanProvider(String.class), lookups));

        assertThat(greeting.orNull()).isEqualTo("안녕하세요");
        assertThat(greeting.orNull()).isEqualTo("안녕하세요");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void anAbsentBeanIsLookedUpOnceToo() {
        AtomicInteger lookups = new AtomicInteger();
        OptionalBean<String> absent = OptionalBean.of(counting(new DefaultListableBeanFactory().getBeanProvider(String.class),
                lookups));

        assertThat(absent.orNull()).isNull();
        assertThat(absent.orNull()).isNull();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void noProviderAtAllMeansNoBean() {
        assertThat(OptionalBean.<String>of(null).orNull()).isNull();
    }

    private static <T> ObjectProvider<T> counting(ObjectProvider<T> real, AtomicInteger lookups) {
        return new ObjectProvider<>() {
            @Override
            public T getObject(Object... args) {
                return real.getObject(args);
            }

            @Override
            public T getIfAvailable() {
                lookups.incrementAndGet();
                return real.getIfAvailable();
            }

            @Override
            public T getIfUnique() {
                return real.getIfUnique();
            }

            @Override
            public T getObject() {
                return real.getObject();
            }
        };
    }
}
