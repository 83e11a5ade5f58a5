package kr.madang.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.avro.EventSchemaHistory;
import kr.madang.schemas.avro.SchemaCompatibilityCheck;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityCheckUnitTests {

    @Test
    void rejectsADeliberatelyIncompatibleSchema() throws IOException {
        Schema incompatible;
        try (InputStream in = getClass().getResourceAsStream("/incompatible/RegistrationConfirmed.avsc")) {
            incompatible = new Schema.Parser().parse(in);
        }
        List<Schema> published = EventSchemaHistory.published().versions(RegistrationConfirmed.getClassSchema().getFullName());
        assertThat(published).isNotEmpty();

        List<String> problems = SchemaCompatibilityCheck.problems(incompatible, published);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("new schema cannot read"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("cannot read the new schema"));
    }

    @Test
    void acceptsAnOptionalFieldWithADefault() {
        Schema v1 = RegistrationConfirmed.getClassSchema();
        Schema v2 = AvroEventSerdeUnitTests.evolved(v1, v1.getName(), new Schema.Field("badge",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), null, Schema.Field.NULL_DEFAULT_VALUE));
        assertThat(v2.getField("badge")).isNotNull();

        assertThat(SchemaCompatibilityCheck.problems(v2, List.of(v1))).isEmpty();
    }

    @Test
    void aRemovedFieldWithoutDefaultBreaksOldReaders() {
        Schema v1 = SchemaBuilder.record("kr.madang.events.X").fields().requiredString("a").requiredString("b").endRecord();
        Schema v2 = SchemaBuilder.record("kr.madang.events.X").fields().requiredString("a").endRecord();

        assertThat(SchemaCompatibilityCheck.problems(v2, List.of(v1)))
                .singleElement().asString().contains("cannot read the new schema");
    }
}
