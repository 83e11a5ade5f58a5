package kr.madang.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;

import kr.madang.events.Contact;
import kr.madang.events.ForumEventSummary;
import kr.madang.events.Language;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.schemas.avro.AvroEventDeserializer;
import kr.madang.schemas.avro.AvroEventSerializer;
import kr.madang.schemas.avro.EventSchemaHistory;
import kr.madang.schemas.avro.InvalidEventException;
import kr.madang.schemas.avro.UnknownEventSchemaException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroEventSerdeUnitTests {

    static final RegistrationConfirmed JEJU_CONFIRMATION = RegistrationConfirmed.newBuilder()
                .setHeader(Events.newHeader("registration-service", "forum-1", 7, "corr-1", null,
                        Instant.parse("2023-01-20T01:00:00Z")))
                .setRegistrationId("reg-1")
                .setForumEvent(ForumEventSummary.newBuilder()
                        .setForumEventId("forum-1").setTitle("제1회 디지털지역혁신포럼").setTitleEn(null)
                        .setRegion("JEJU").setVenue("메종글래드 제주 크리스탈홀")
                        .setStartsAt(Instant.parse("2023-02-06T00:00:00Z")).setEndsAt(Instant.parse("2023-02-07T09:00:00Z"))
                        .build())
                .setAttendee(Contact.newBuilder().setName("김제주").setEmail("kim@example.kr").setPhone("+821012345678")
                        .setLanguage(Language.KO).build())
                .build();

    static RegistrationConfirmed jejuConfirmation() {
        return JEJU_CONFIRMATION;
    }

    /** A copy of {@code base} under another name, with one more field: a stand-in for a schema from another build. */
    static Schema evolved(Schema base, String name, Schema.Field extra) {
        List<Schema.Field> fields = new java.util.ArrayList<>(base.getFields().stream().map(f -> new Schema.Field(f, f.schema())).toList());
        if (extra != null) {
            fields.add(extra);
        }
        return Schema.createRecord(name, base.getDoc(), base.getNamespace(), false, fields);
    }

    @Test
    void roundTripsAnEventWithHangul() {
        byte[] bytes = new AvroEventSerializer().serialize("t", jejuConfirmation());

        SpecificRecord read = new AvroEventDeserializer().deserialize("t", bytes);

        assertThat(read).isEqualTo(jejuConfirmation());
        assertThat(Events.header(read).getAggregateVersion()).isEqualTo(7);
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    }

    @Test
    void aConsumerBuiltBeforeTheProducerReadsACompatibleNewerVersion() throws IOException {
        Schema current = RegistrationConfirmed.getClassSchema();
        Schema newer = evolved(current, current.getName(),
                new Schema.Field("badgeName", Schema.create(Schema.Type.STRING), null, ""));
        GenericRecord written = copyInto(newer, jejuConfirmation());
        written.put("badgeName", "Delegate");
        byte[] bytes = singleObject(newer, written);

        var history = EventSchemaHistory.of(List.of(current, newer));
        SpecificRecord read = new AvroEventDeserializer(history).deserialize("t", bytes);

        assertThat(read).isInstanceOf(RegistrationConfirmed.class);
        assertThat(((RegistrationConfirmed) read).getRegistrationId()).isEqualTo("reg-1");
    }

    @Test
    void anUnpublishedSchemaIsAnUnknownSchema() throws IOException {
        Schema current = RegistrationConfirmed.getClassSchema();
        Schema unpublished = evolved(current, "RegistrationInvented", null);
        byte[] bytes = singleObject(unpublished, copyInto(unpublished, jejuConfirmation()));

        assertThatThrownBy(() -> new AvroEventDeserializer().deserialize("t", bytes))
                .isInstanceOf(UnknownEventSchemaException.class)
                .hasMessageContaining("Unknown schema fingerprint");
    }

    @Test
    void bytesThatAreNotAnEventAreInvalid() {
        assertThatThrownBy(() -> new AvroEventDeserializer().deserialize("t", "{\"json\":true}".getBytes()))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void refusesToWriteASchemaThatIsNotPublished() {
        var emptyHistory = EventSchemaHistory.of(List.of());
        assertThatThrownBy(() -> new AvroEventSerializer(emptyHistory).serialize("t", jejuConfirmation()))
                .hasMessageContaining("not published");
    }

    /** The fields of a generated record copied into a generic record of another schema (same field names). */
    static GenericRecord copyInto(Schema schema, SpecificRecord from) {
        GenericRecord to = new GenericData.Record(schema);
        for (Schema.Field field : from.getSchema().getFields()) {
            to.put(field.name(), from.get(field.pos()));
        }
        return to;
    }

    static byte[] singleObject(Schema schema, Object record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x01);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(EventSchemaHistory.fingerprint(schema)).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<Object>(schema, SpecificData.get()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
