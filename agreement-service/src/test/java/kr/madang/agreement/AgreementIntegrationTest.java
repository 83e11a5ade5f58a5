package kr.madang.agreement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import kr.madang.testing.MadangTestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * One Spring context for every integration test of this module, on the JVM's shared Kafka broker and PostgreSQL, with
 * a clock the tests move and the background scheduler off (tests run the due work themselves).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {AgreementServiceApplication.CONFIG_NAME, "madang.agreements.scheduler.enabled=false"})
@ContextConfiguration(initializers = MadangTestInfrastructure.class)
@Import(AgreementIntegrationTest.Clocks.class)
public @interface AgreementIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
