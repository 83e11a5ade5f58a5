package kr.madang.notification.sms;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMS providers ({@code madang.sms.*}).
 *
 * @param sender    the registered caller number messages come from
 * @param providers by name; each an HTTP API of one of the supported {@link Provider#type() types}
 * @param breaker   circuit breaker applied to each provider
 */
@ConfigurationProperties("madang.sms")
public record SmsProperties(@DefaultValue("0215880000") String sender, Map<String, Provider> providers,
                            @DefaultValue Breaker breaker) {

    public SmsProperties {
        providers = providers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(providers);
    }

    /**
     * @param type          {@code json} (JSON REST API with an Idempotency-Key header) or {@code form} (form-encoded API)
     * @param baseUrl       where the provider's API is
     * @param apiKey        credential sent to the provider
     * @param callbackToken what the provider sends back in {@code X-Callback-Token} with delivery reports
     * @param weight        share of first choices (0: used only when the others fail)
     * @param ratePerSecondPerInstance messages per second each instance of this service sends to this provider: the
     *                      limit is not shared, so N instances send up to N times this; set it to the provider's
     *                      contracted rate divided by the number of instances
     * @param timeout       connect and read timeout of one call; a slower provider counts as down
     * @param enabled       take it out of rotation without deleting its settings
     */
    public record Provider(@DefaultValue("json") String type, String baseUrl, @DefaultValue("") String apiKey,
                           @DefaultValue("") String callbackToken, @DefaultValue("1") int weight,
                           @DefaultValue("50") int ratePerSecondPerInstance, @DefaultValue("PT5S") Duration timeout,
                           @DefaultValue("true") boolean enabled) {
    }

    /**
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param slidingWindowSize    calls considered
     * @param minimumCalls         calls before the rate is judged
     * @param openFor              how long an open circuit refuses calls before letting a few through
     * @param rateLimitWait        how long a send waits for a provider's rate limit before trying another provider
     */
    public record Breaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("10") int slidingWindowSize,
                          @DefaultValue("4") int minimumCalls, @DefaultValue("PT30S") Duration openFor,
                          @DefaultValue("PT2S") Duration rateLimitWait) {
    }
}
