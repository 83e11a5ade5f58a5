package kr.madang.platform;

import kr.madang.platform.testapp.PlatformTestApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import kr.madang.testing.MadangTestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** One Spring context for every platform integration test, on the JVM's shared broker and database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PlatformTestApplication.class, properties = PlatformTestApplication.CONFIG_NAME)
@ContextConfiguration(initializers = MadangTestInfrastructure.class)
public @interface PlatformIntegrationTest {
}
