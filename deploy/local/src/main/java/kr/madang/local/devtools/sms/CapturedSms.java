package kr.madang.local.devtools.sms;

import java.time.Instant;

/** One SMS a provider endpoint of the sink accepted. */
public record CapturedSms(long id, String messageId, String provider, Instant receivedAt, String from, String to,
                          String text, int length, String reference, String callbackUrl, String status) {

    CapturedSms withStatus(String newStatus) {
        return new CapturedSms(id, messageId, provider, receivedAt, from, to, text, length, reference, callbackUrl,
                newStatus);
    }
}
