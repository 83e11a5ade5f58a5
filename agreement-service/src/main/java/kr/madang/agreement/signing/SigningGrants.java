package kr.madang.agreement.signing;

import java.time.Instant;
import java.util.Optional;

import kr.madang.agreement.mou.Agreement;
import kr.madang.agreement.mou.LifecyclePolicy;
import kr.madang.agreement.mou.Party;
import kr.madang.agreement.mou.Version;
import org.springframework.stereotype.Component;

/** Which signing link a party may have now: for the version it is asked to sign, until the circulation's deadline. */
@Component
public class SigningGrants {

    private final SigningLinks links;
    private final LifecyclePolicy policy;

    public SigningGrants(SigningLinks links, LifecyclePolicy policy) {
        this.links = links;
        this.policy = policy;
    }

    public Optional<SigningLinks.Grant> grantFor(Agreement agreement, Party party) {
        Optional<Version> version = agreement.versionToSign(party.id());
        if (version.isEmpty() || version.get().signatureOf(party.id()).isPresent()) {
            return Optional.empty();
        }
        Instant expires = agreement.circulation() != null && party.status() == kr.madang.agreement.mou.PartyStatus.MEMBER
                ? agreement.circulation().deadline()
                : agreement.accessionDeadline(party.id(), policy).orElseThrow();
        return Optional.of(new SigningLinks.Grant(agreement.id(), party.id(), version.get().number(), expires));
    }

    public Optional<String> urlFor(Agreement agreement, Party party) {
        return grantFor(agreement, party).map(links::url);
    }
}
