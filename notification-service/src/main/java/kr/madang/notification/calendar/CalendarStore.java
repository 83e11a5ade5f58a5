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

    /**
     * The file of the newest email to this registration that carried one: what the attendee's calendar holds now, so
     * the ticket page's download is byte for byte the file of that email.
     */
    public Optional<CalendarAttachment> latestFor(String registrationId) {
        return jdbc.sql("""
                        select c.method, c.ics from message_calendar c join message m on m.id = c.message_id
                        where m.registration_id = :id order by m.created_at desc, m.id desc limit 1
                        """)
                .param("id", registrationId)
                .query((rs, i) -> new CalendarAttachment(rs.getString("method"), rs.getString("ics")))
                .optional();
    }

    public Optional<CalendarAttachment> find(UUID messageId) {
        return jdbc.sql("select method, ics from message_calendar where message_id = :id").param("id", messageId)
                .query((rs, i) -> new CalendarAttachment(rs.getString("method"), rs.getString("ics")))
                .optional();
    }
}
