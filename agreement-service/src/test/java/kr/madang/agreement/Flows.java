package kr.madang.agreement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import kr.madang.events.AgreementParty;
import kr.madang.events.agreement.AgreementCirculated;
import kr.madang.testing.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The steps HQ and the parties take, through the API, as tests need them. */
public final class Flows {

    private final Api api;

    public Flows(Api api) {
        this.api = api;
    }

    public String create(String json) {
        var response = api.post("/api/agreements", TestTokens.hqAdmin(), json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    public JsonNode get(String id) {
        var response = api.get("/api/agreements/" + id, TestTokens.hqAdmin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public String state(String id) {
        return get(id).path("state").asString();
    }

    public List<String> partyIds(String id) {
        List<String> ids = new ArrayList<>();
        get(id).path("parties").forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }

    public Api.Response circulate(String id) {
        return api.post("/api/agreements/" + id + "/circulate", TestTokens.hqAdmin(), null);
    }

    public Api.Response hqSign(String id, String partyId) {
        return api.post("/api/agreements/" + id + "/parties/" + partyId + "/signature", TestTokens.hqAdmin(),
                "{\"signerName\":\"서명자\",\"signerTitle\":\"원장\"}");
    }

    public void hqSignAll(String id) {
        for (String partyId : partyIds(id)) {
            var response = hqSign(id, partyId);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
    }

    /** The signing links the latest circulation of this version sent, per party id, as read from Kafka. */
    public java.util.Map<String, String> linksFromKafka(String id, int version, int step) {
        List<AgreementCirculated> circulated = await().atMost(Duration.ofSeconds(20)).until(
                () -> AgreementTopic.eventsOf(id, AgreementCirculated.class).stream()
                        .filter(c -> c.getAgreement().getVersion() == version && c.getStep() == step).toList(),
                list -> !list.isEmpty());
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        for (AgreementParty party : circulated.getLast().getRecipients()) {
            links.put(party.getPartyId(), token(party.getSigningUrl()));
        }
        return links;
    }

    public static String token(String signingUrl) {
        return signingUrl.substring(signingUrl.lastIndexOf('/') + 1);
    }

    public Api.Response signByLink(String token, String signer) {
        return api.post("/api/signing/" + token + "/sign", null,
                "{\"signerName\":\"" + signer + "\",\"signerTitle\":\"원장\"}");
    }

    public Api.Response declineByLink(String token, String reason) {
        return api.post("/api/signing/" + token + "/decline", null, "{\"reason\":\"" + reason + "\"}");
    }

    public List<String> historyActions(String id) {
        List<String> actions = new ArrayList<>();
        api.get("/api/agreements/" + id + "/history", TestTokens.hqAdmin()).json().path("items")
                .forEach(e -> actions.add(e.path("action").asString()));
        return actions;
    }

    public List<String> awaitTypes(String id, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> AgreementTopic.typesOf(id), t -> t.size() >= count);
    }
}
