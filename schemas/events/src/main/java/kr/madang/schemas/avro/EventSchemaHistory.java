package kr.madang.schemas.avro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Every published version of every event schema, kept in this module under {@code avro-history/}.
 * A reader looks up the writer's schema by its fingerprint here: this is what lets a consumer built
 * before a producer still read the producer's events, without a schema registry.
 */
public final class EventSchemaHistory {

    public static final String INDEX = "avro-history/index.txt";

    private static final EventSchemaHistory PUBLISHED = load(EventSchemaHistory.class.getClassLoader());

    private final Map<Long, Schema> byFingerprint;
    private final Map<String, List<Schema>> versionsByName;

    private EventSchemaHistory(Map<Long, Schema> byFingerprint, Map<String, List<Schema>> versionsByName) {
        this.byFingerprint = byFingerprint;
        this.versionsByName = versionsByName;
    }

    public static EventSchemaHistory published() {
        return PUBLISHED;
    }

    static EventSchemaHistory load(ClassLoader classLoader) {
        Map<Long, Schema> byFingerprint = new LinkedHashMap<>();
        Map<String, List<Schema>> versionsByName = new LinkedHashMap<>();
        for (String entry : read(classLoader, INDEX).lines().map(String::strip).toList()) {
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Schema schema = new Schema.Parser().parse(read(classLoader, "avro-history/" + entry));
            byFingerprint.put(fingerprint(schema), schema);
            versionsByName.computeIfAbsent(schema.getFullName(), name -> new ArrayList<>()).add(schema);
        }
        return new EventSchemaHistory(Collections.unmodifiableMap(byFingerprint), Collections.unmodifiableMap(versionsByName));
    }

    /** A history of the given schemas, oldest first per name: for tests and tools. */
    public static EventSchemaHistory of(List<Schema> schemas) {
        Map<Long, Schema> byFingerprint = new LinkedHashMap<>();
        Map<String, List<Schema>> versionsByName = new LinkedHashMap<>();
        for (Schema schema : schemas) {
            byFingerprint.put(fingerprint(schema), schema);
            versionsByName.computeIfAbsent(schema.getFullName(), name -> new ArrayList<>()).add(schema);
        }
        return new EventSchemaHistory(byFingerprint, versionsByName);
    }

    private static String read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "missing schema history resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 64-bit Rabin fingerprint of the schema's parsing canonical form, as single-object encoding uses. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    public Schema byFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** Versions of one event schema in the order they were published (oldest first). */
    public List<Schema> versions(String fullName) {
        return versionsByName.getOrDefault(fullName, List.of());
    }

    public Map<String, List<Schema>> all() {
        return versionsByName;
    }
}
