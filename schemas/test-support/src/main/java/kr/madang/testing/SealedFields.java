package kr.madang.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import kr.madang.schemas.sealing.FieldSealer;
import kr.madang.schemas.sealing.SealedRecords;
import org.apache.avro.generic.IndexedRecord;

/**
 * Opens the sealed fields of an event the way a Madang service does, with the development service key and the
 * persons' data keys held in one service's test database; a field whose key is gone (an erased person) stays sealed,
 * which is what erasure tests look for.
 */
public final class SealedFields {

    /** The development service key of madang-platform-defaults.properties. */
    private static final FieldSealer DEV = new FieldSealer(
            Map.of("dev", Base64.getDecoder().decode("K/aRhOSk9FKUoKmT62i/Sqim8eUhZh2gnQk5NDh/KkU=")), "dev");

    private SealedFields() {
    }

    /** The event with every field that can be opened opened, in place; {@code database} holds the data keys. */
    public static <T extends IndexedRecord> T opened(T event, String database) {
        SealedRecords.openAll(event, value -> {
            try {
                return DEV.open(value, subject -> dataKey(database, subject));
            } catch (FieldSealer.UnreadableFieldException e) {
                return value;
            }
        });
        return event;
    }

    /** Opens one value with the development service key (links sealed for notification-service). */
    public static String opened(String value) {
        return DEV.open(value, subject -> Optional.empty());
    }

    /** Keys found, per database and subject: tests read whole topics again and again while they wait. */
    private static final Map<String, byte[]> FOUND = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, java.sql.Connection> CONNECTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static synchronized Optional<byte[]> dataKey(String database, String subject) {
        byte[] found = FOUND.get(database + "/" + subject);
        if (found != null) {
            return Optional.of(found);
        }
        try {
            var connection = CONNECTIONS.computeIfAbsent(database, SealedFields::connect);
            try (var query = connection.prepareStatement("select data_key from subject_key where subject_id = ?")) {
                query.setString(1, subject);
                try (var rows = query.executeQuery()) {
                    Optional<byte[]> key = rows.next() ? Optional.ofNullable(rows.getBytes(1)) : Optional.empty();
                    key.ifPresent(k -> FOUND.put(database + "/" + subject, k));
                    return key;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.sql.Connection connect(String database) {
        try {
            return DriverManager.getConnection(SharedPostgres.jdbcUrl(database), database, database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
