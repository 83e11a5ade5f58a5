package kr.madang.agreement.mou;

import java.util.Optional;

/** Where agreements are kept. {@link #lock} holds the agreement until the caller's transaction ends. */
public interface AgreementRepository {

    void insert(Agreement agreement);

    Optional<Agreement> lock(String id);

    Optional<Agreement> find(String id);

    void update(Agreement agreement);
}
