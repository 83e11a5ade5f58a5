package kr.madang.agreement.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The RFC 9457 problems an operation can answer besides its success (HTTP statuses), listed in its OpenAPI entry
 * by {@link kr.madang.agreement.config.OpenApiDocumentation}. Authenticated operations also list 401 and 403.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Problems {

    int[] value();
}
