package kr.madang.notification.calendar;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The calendar file of each email that carries one, written when the message is queued and read when it is sent. */
@Component
public class CalendarStore {

    private final JdbcClient jdbc;

    public CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(UUID messageId, CalendarInvite invite) {
        jdbc.sql("insert into message_calendar (message_id, method, ics) values (:id, :method, :ics)")
                .param("id", messageId).param("method", invite.method().name()).param("ics", CalendarFile.write(invite))
                .update();
    }

    public Optional<CalendarAttachment> find(UUID messageId) {
        return jdbc.sql("select method, ics from message_calendar where message_id = :id").param("id", messageId)
                .query((rs, i) -> new CalendarAttachment(rs.getString("method"), rs.getString("ics")))
                .optional();
    }
}
