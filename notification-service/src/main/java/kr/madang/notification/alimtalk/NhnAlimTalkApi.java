package kr.madang.notification.alimtalk;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.madang.notification.template.Template;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * NHN Cloud KakaoTalk Bizmessage, AlimTalk API v2.3, "send with the full content"
 * ({@code POST {base}/alimtalk/v2.3/appkeys/{appKey}/raw-messages}, header {@code X-Secret-Key}). We send the text
 * already rendered from our template (which must match the text Kakao approved under {@code templateCode}) rather
 * than {@code /messages} with {@code templateParameter}, so the SMS/LMS fallback is exactly what AlimTalk would have
 * said. The vendor's own fallback ({@code resendParameter.isResend}) is switched off: we fall back through our SMS
 * providers, so the one message keeps both attempts and the SMS providers' failover.
 *
 * <p>Answer: {@code {"header":{"resultCode":0,"isSuccessful":true,...},"message":{"requestId":"...",
 * "sendResults":[{"recipientSeq":1,"resultCode":0,...}]}}}; a header or recipient result code other than 0 is a
 * refusal of this message (e.g. the recipient is not a KakaoTalk user), 4xx too; 5xx, 408, 429 and I/O errors mean
 * the vendor is in trouble.
 */
public final class NhnAlimTalkApi implements AlimTalkProvider {

    static final String PATH = "/alimtalk/v2.3/appkeys/{appKey}/raw-messages";

    private final RestClient client;
    private final AlimTalkProperties settings;

    public NhnAlimTalkApi(AlimTalkProperties settings) {
        this.settings = settings;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(settings.timeout());
        this.client = RestClient.builder().baseUrl(settings.baseUrl()).requestFactory(factory).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public String send(String messageId, String recipientNo, String vendorTemplateCode, String content,
                       List<Template.Button> buttons) {
        List<Map<String, Object>> buttonList = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            Template.Button b = buttons.get(i);
            buttonList.add(ordered("ordering", i + 1, "type", "WL", "name", b.name(), "linkMo", b.link(), "linkPc", b.link()));
        }
        // grouping keys are at most 100 characters at NHN: our message id fits
        Map<String, Object> recipient = ordered("recipientNo", recipientNo, "content", content, "buttons", buttonList,
                "resendParameter", Map.of("isResend", false), "recipientGroupingKey", messageId);
        Map<String, Object> body = ordered("senderKey", settings.senderKey(), "templateCode", vendorTemplateCode,
                "senderGroupingKey", messageId, "recipientList", List.of(recipient));
        Map<String, Object> answer;
        try {
            answer = client.post().uri(PATH, settings.appKey())
                    .header("X-Secret-Key", settings.secretKey())
                    .contentType(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8))
                    .body(body)
                    .retrieve()
                    .body(Map.class);
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            if (e.getStatusCode().is4xxClientError() && status != 408 && status != 429) {
                throw new NotDeliverableException("HTTP_" + status, "vendor refused the message: HTTP " + status);
            }
            throw new VendorUnavailableException("vendor answered HTTP " + status, e);
        } catch (ResourceAccessException e) {
            throw new VendorUnavailableException("vendor unreachable or too slow: "
                    + e.getMostSpecificCause().getClass().getSimpleName(), e);
        } catch (RestClientException e) {
            throw new VendorUnavailableException("vendor gave an unreadable answer", e);
        }
        if (answer == null || !(answer.get("header") instanceof Map<?, ?> header)) {
            throw new VendorUnavailableException("vendor gave an answer without a header", null);
        }
        if (!Boolean.TRUE.equals(header.get("isSuccessful")) || !isZero(header.get("resultCode"))) {
            throw new NotDeliverableException(code(header.get("resultCode")), "vendor refused the request: result code "
                    + code(header.get("resultCode")));
        }
        Map<String, Object> message = answer.get("message") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if (message.get("sendResults") instanceof List<?> results && !results.isEmpty()
                && results.getFirst() instanceof Map<?, ?> result && !isZero(result.get("resultCode"))) {
            // the recipient's own result: e.g. not a KakaoTalk user, or the channel blocked (only the code is kept:
            // the vendor's text may echo the number)
            throw new NotDeliverableException(code(result.get("resultCode")), "vendor could not deliver: result code "
                    + code(result.get("resultCode")));
        }
        Object requestId = message.get("requestId");
        return requestId == null ? messageId : requestId.toString();
    }

    private static boolean isZero(Object code) {
        return code != null && "0".equals(code.toString());
    }

    /** Only a short code survives: anything else becomes "unknown". */
    private static String code(Object code) {
        String text = code == null ? "" : code.toString();
        return text.matches("-?[A-Za-z0-9_]{1,20}") ? text : "unknown";
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
