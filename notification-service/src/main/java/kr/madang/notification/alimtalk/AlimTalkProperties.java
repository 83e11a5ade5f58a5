package kr.madang.notification.alimtalk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * KakaoTalk AlimTalk through NHN Cloud's KakaoTalk Bizmessage API v2.3 ({@code madang.alimtalk.*}).
 *
 * @param enabled       off: every phone message goes by SMS, whatever templates exist
 * @param provider      the vendor's name in statuses and attempts (prefixed {@code alimtalk-})
 * @param baseUrl       the vendor's API, e.g. https://api-alimtalk.cloud.toast.com
 * @param appKey        the NHN Cloud project's app key (in the path)
 * @param secretKey     sent as {@code X-Secret-Key}; production sets it from the environment only
 * @param senderKey     the KakaoTalk channel's sender key (발신 프로필 키) the vendor issued
 * @param callbackToken what the vendor's delivery reports carry in {@code X-Callback-Token}
 * @param timeout       connect and read timeout of one call; a slower vendor counts as down
 * @param breaker       the vendor's circuit breaker, as each SMS provider has
 */
@ConfigurationProperties("madang.alimtalk")
public record AlimTalkProperties(@DefaultValue("true") boolean enabled, @DefaultValue("nhn") String provider,
                                 String baseUrl, @DefaultValue("") String appKey, @DefaultValue("") String secretKey,
                                 @DefaultValue("") String senderKey, @DefaultValue("") String callbackToken,
                                 @DefaultValue("PT5S") Duration timeout, @DefaultValue Breaker breaker) {

    /** Same meaning as {@code madang.sms.breaker}. */
    public record Breaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("10") int slidingWindowSize,
                          @DefaultValue("4") int minimumCalls, @DefaultValue("PT30S") Duration openFor) {
    }

    public String providerName() {
        return AlimTalkGateway.PROVIDER_PREFIX + provider;
    }
}
