package kr.madang.agreement.mou;

import java.util.List;

/** Everything a new agreement starts with. */
public record DraftSpec(Content content, SigningOrder signingOrder, List<PartySpec> parties, String forumEventId,
                        String sessionId, Terms terms) {
}
