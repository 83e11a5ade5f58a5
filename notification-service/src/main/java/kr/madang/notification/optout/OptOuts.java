package kr.madang.notification.optout;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import kr.madang.notification.template.Channel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Opt-outs per recipient and channel, and the signed links that make them. */
@Component
public class OptOuts {

    private static final Duration LINK_VALIDITY = Duration.ofDays(365);

    private final JdbcClient jdbc;
    private final SignedLinks links;
    private final Clock clock;
    private final String publicBaseUrl;

    public OptOuts(JdbcClient jdbc, SignedLinks links, Clock clock,
                   @Value("${madang.public-base-url:http://localhost:${server.port:8083}}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.links = links;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public boolean hasOptedOut(String address, Channel channel) {
        return jdbc.sql("select count(*) from opt_out where recipient_hash = :hash and channel = :channel")
                .param("hash", links.addressHash(address)).param("channel", channel.name())
                .query(Integer.class).single() > 0;
    }

    /** The link a recipient follows to stop non-essential messages on this channel. */
    public String unsubscribeUrl(String address, Channel channel) {
        String token = links.sign("optout|" + channel.name() + "|" + links.addressHash(address),
                clock.instant().plus(LINK_VALIDITY));
        return publicBaseUrl + "/api/opt-out/" + token;
    }

    public record Subject(Channel channel, String recipientHash) {
    }

    public Optional<Subject> read(String token) {
        return links.verify(token, clock.instant())
                .map(payload -> payload.split("\\|"))
                .filter(parts -> parts.length == 3 && parts[0].equals("optout"))
                .map(parts -> new Subject(Channel.valueOf(parts[1]), parts[2]));
    }

    public void optOut(Subject subject) {
        jdbc.sql("insert into opt_out (recipient_hash, channel, created_at) values (:hash, :channel, :at) on conflict do nothing")
                .param("hash", subject.recipientHash()).param("channel", subject.channel().name())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    public void optIn(Subject subject) {
        jdbc.sql("delete from opt_out where recipient_hash = :hash and channel = :channel")
                .param("hash", subject.recipientHash()).param("channel", subject.channel().name())
                .update();
    }

    public void optOut(String address, Channel channel) {
        optOut(new Subject(channel, links.addressHash(address)));
    }

    public void optIn(String address, Channel channel) {
        optIn(new Subject(channel, links.addressHash(address)));
    }
}
