package kr.madang.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import kr.madang.schemas.avro.EventSchemaHistory;
import kr.madang.schemas.avro.SchemaCompatibilityCheck;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * The build's guard on the published language: every event schema in src/main/avro must be published
 * in avro-history and be fully compatible with every earlier version.
 *
 * To publish a new or changed schema, run
 * {@code ./mvnw -pl schemas/events test -Dtest=PublishedSchemasTests -Dmadang.publishSchemas=true}.
 */
class PublishedSchemasTests {

    static final Path SOURCES = Path.of("src/main/avro");
    static final Path HISTORY = Path.of("src/main/resources/avro-history");

    @Test
    void everyEventSchemaIsPublishedAndCompatibleWithAllEarlierVersions() throws IOException {
        boolean publish = Boolean.getBoolean("madang.publishSchemas");
        List<String> problems = new ArrayList<>();
        for (Schema current : currentEventSchemas()) {
            List<Schema> published = EventSchemaHistory.published().versions(current.getFullName());
            problems.addAll(SchemaCompatibilityCheck.problems(current, published).stream()
                    .map(p -> current.getFullName() + ": " + p).toList());
            boolean isLatest = !published.isEmpty() && EventSchemaHistory.fingerprint(published.getLast())
                    == EventSchemaHistory.fingerprint(current);
            if (!isLatest) {
                String file = current.getFullName() + "/v" + (published.size() + 1) + ".avsc";
                if (publish) {
                    Files.createDirectories(HISTORY.resolve(current.getFullName()));
                    Files.writeString(HISTORY.resolve(file), current.toString(true) + "\n", StandardCharsets.UTF_8);
                    Files.writeString(HISTORY.resolve("index.txt"), file + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.APPEND);
                } else {
                    problems.add(current.getFullName() + " changed but is not published as " + file
                            + " (run with -Dmadang.publishSchemas=true)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEventCarriesTheEnvelopeFirstAndEveryEnumHasADefault() throws IOException {
        for (Schema event : currentEventSchemas()) {
            assertThat(event.getFields().getFirst().name()).as(event.getFullName()).isEqualTo(Events.HEADER_FIELD);
            assertThat(event.getFields().getFirst().schema().getFullName()).isEqualTo("kr.madang.events.EventHeader");
            enumsWithoutDefault(event, new HashSet<>()).forEach(name ->
                    assertThat(name).as("enum without a default (old readers could not read new symbols)").isNull());
        }
    }

    @Test
    void indexListsExactlyTheHistoryFiles() throws IOException {
        Set<String> indexed = new HashSet<>(Files.readAllLines(HISTORY.resolve("index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        try (Stream<Path> files = Files.walk(HISTORY)) {
            Set<String> onDisk = new HashSet<>(files.filter(f -> f.toString().endsWith(".avsc"))
                    .map(f -> HISTORY.relativize(f).toString()).toList());
            assertThat(indexed).isEqualTo(onDisk);
        }
    }

    /** The schemas of this build's generated event classes: every .avsc outside common/. */
    static List<Schema> currentEventSchemas() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".avsc"))
                    .filter(f -> !SOURCES.relativize(f).startsWith("common"))
                    .sorted()
                    .map(PublishedSchemasTests::generatedSchemaOf)
                    .toList();
        }
    }

    private static Schema generatedSchemaOf(Path avsc) {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(avsc.toFile());
            String className = json.get("namespace").asText() + "." + json.get("name").asText();
            return SpecificData.get().getSchema(Class.forName(className));
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("No generated class for " + avsc, e);
        }
    }

    private static List<String> enumsWithoutDefault(Schema schema, Set<String> seen) {
        List<String> missing = new ArrayList<>();
        switch (schema.getType()) {
            case ENUM -> {
                if (seen.add(schema.getFullName()) && schema.getEnumDefault() == null) {
                    missing.add(schema.getFullName());
                }
            }
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> missing.addAll(enumsWithoutDefault(f.schema(), seen)));
                }
            }
            case UNION -> schema.getTypes().forEach(t -> missing.addAll(enumsWithoutDefault(t, seen)));
            case ARRAY -> missing.addAll(enumsWithoutDefault(schema.getElementType(), seen));
            case MAP -> missing.addAll(enumsWithoutDefault(schema.getValueType(), seen));
            default -> {
            }
        }
        return missing;
    }
}
