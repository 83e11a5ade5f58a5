package kr.madang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import kr.madang.platform.outbox.OutboxRelay;
import kr.madang.platform.sealing.SubjectKeyStore;
import kr.madang.schemas.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A person's data key: made once, published once, read by one statement, destroyed with a tombstone. */
@PlatformIntegrationTest
class SubjectKeyStoreIntegrationTests {

    @Autowired SubjectKeyStore keys;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired OutboxRelay relay;

    @BeforeEach
    void pauseRelay() {
        relay.stop();
    }

    @AfterEach
    void resumeRelay() {
        relay.start();
    }

    @Test
    void aKeyIsMadeAndPublishedOnceThenReadAndAfterErasureRefusedAndTombstoned() {
        String subject = UUID.randomUUID().toString();

        byte[][] made = transactions.execute(tx -> new byte[][] {keys.keyForSealing(subject), keys.keyForSealing(subject)});
        assertThat(made[0]).hasSize(32).isEqualTo(made[1]);
        assertThat(keyRecords(subject, false)).as("one copy on the key topic").isEqualTo(1);

        byte[] read = transactions.execute(tx -> keys.keyForSealing(subject));
        assertThat(read).isEqualTo(made[0]);
        assertThat(keyRecords(subject, false)).as("a known key is not published again").isEqualTo(1);

        transactions.executeWithoutResult(tx -> keys.erase(subject));
        assertThat(keyRecords(subject, true)).as("a tombstone for the topic's copy").isEqualTo(1);
        assertThat(keys.isErased(subject)).isTrue();
        assertThat(keys.dataKey(subject)).isEmpty();
        assertThatThrownBy(() -> transactions.execute(tx -> keys.keyForSealing(subject)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("erased");
    }

    @Test
    void twoTransactionsMakingTheSameKeyAtOnceAgreeOnOne() throws Exception {
        String subject = UUID.randomUUID().toString();
        CountDownLatch firstMade = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);
        CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            byte[] key = keys.keyForSealing(subject);
            firstMade.countDown();
            awaitQuietly(letFirstCommit);
            return key;
        }));
        assertThat(firstMade.await(20, TimeUnit.SECONDS)).isTrue();
        // the second waits on the first's uncommitted row, then finds the first's key
        CompletableFuture<byte[]> second = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> keys.keyForSealing(subject)));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
        letFirstCommit.countDown();

        assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(first.get(20, TimeUnit.SECONDS));
        assertThat(keyRecords(subject, false)).as("published by the transaction that made it, only").isEqualTo(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Key-topic rows in the outbox (the relay is paused, so they stay there to be counted). */
    private int keyRecords(String subject, boolean tombstones) {
        return jdbc.sql("""
                        select count(*) from outbox_message
                        where topic = :topic and message_key = :s and (payload is null) = :tombstones
                        """)
                .param("topic", Topics.SUBJECT_KEYS).param("s", subject).param("tombstones", tombstones)
                .query(Integer.class).single();
    }
}
