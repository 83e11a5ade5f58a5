package kr.madang.notification.sms;

import java.net.http.HttpClient;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** The two HTTP provider adapters. Wire formats are documented in notification-service/README.md. */
public final class HttpSmsProviders {

    private HttpSmsProviders() {
    }

    public static SmsProvider create(String name, SmsProperties.Provider settings) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(settings.timeout());
        RestClient client = RestClient.builder().baseUrl(settings.baseUrl()).requestFactory(factory).build();
        return switch (settings.type()) {
            case "json" -> new JsonApi(name, client, settings.apiKey());
            case "form" -> new FormApi(name, client, settings.apiKey());
            default -> throw new IllegalArgumentException("madang.sms.providers." + name + ".type must be json or form");
        };
    }

    private abstract static class Base implements SmsProvider {
        private final String name;

        Base(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        /** 4xx means this message is wrong for the provider; everything else means the provider is in trouble. */
        <T> T call(java.util.function.Supplier<T> call) {
            try {
                return call.get();
            } catch (RestClientResponseException e) {
                HttpStatusCode status = e.getStatusCode();
                if (status.is4xxClientError() && status.value() != 408 && status.value() != 429) {
                    throw new SmsRejectedException(name + " refused the message: HTTP " + status.value());
                }
                throw new SmsUnavailableException(name + " answered HTTP " + status.value(), e);
            } catch (ResourceAccessException e) {
                throw new SmsUnavailableException(name + " unreachable or too slow: " + e.getMostSpecificCause().getClass().getSimpleName(), e);
            } catch (RestClientException e) {
                throw new SmsUnavailableException(name + " gave an unreadable answer", e);
            }
        }
    }

    /**
     * JSON API: {@code POST {base}/v1/messages}, {@code Authorization: Bearer <apiKey>}, {@code Idempotency-Key: <message id>},
     * body {@code {"messageId","to","from","type","subject","text"}}, answer 2xx {@code {"id": "..."}}.
     */
    static final class JsonApi extends Base {
        private final RestClient client;
        private final String apiKey;

        JsonApi(String name, RestClient client, String apiKey) {
            super(name);
            this.client = client;
            this.apiKey = apiKey;
        }

        @Override
        @SuppressWarnings("unchecked")
        public String send(String messageId, String to, String from, String type, String subject, String text) {
            return call(() -> {
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("messageId", messageId);
                body.put("to", to);
                body.put("from", from);
                body.put("type", type);
                if (subject != null) {
                    body.put("subject", subject);
                }
                body.put("text", text);
                Map<String, Object> answer = client.post().uri("/v1/messages")
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Idempotency-Key", messageId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body)
                        .retrieve()
                        .body(Map.class);
                Object id = answer == null ? null : answer.get("id");
                return id == null ? messageId : id.toString();
            });
        }
    }

    /**
     * Form API (in the style of Korean bulk-SMS gateways): {@code POST {base}/send}, form fields
     * {@code key, ref (message id, deduplicated by the provider), sender, receiver, msg_type (SMS|LMS), title, msg};
     * answer 2xx {@code {"result_code": 1, "msg_id": "..."}}; a negative result_code is a refusal.
     */
    static final class FormApi extends Base {
        private final RestClient client;
        private final String apiKey;

        FormApi(String name, RestClient client, String apiKey) {
            super(name);
            this.client = client;
            this.apiKey = apiKey;
        }

        @Override
        @SuppressWarnings("unchecked")
        public String send(String messageId, String to, String from, String type, String subject, String text) {
            Map<String, Object> answer = call(() -> {
                MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
                form.add("key", apiKey);
                form.add("ref", messageId);
                form.add("sender", from);
                form.add("receiver", to);
                form.add("msg_type", type);
                if (subject != null) {
                    form.add("title", subject);
                }
                form.add("msg", text);
                Map<String, Object> body = client.post().uri("/send")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form)
                        .retrieve()
                        .body(Map.class);
                return body == null ? Map.<String, Object>of() : body;
            });
            Object code = answer.get("result_code");
            if (code != null && Integer.parseInt(code.toString()) < 0) {
                throw new SmsRejectedException(name() + " refused the message: result_code " + code);
            }
            Object id = answer.get("msg_id");
            return id == null ? messageId : id.toString();
        }
    }
}
