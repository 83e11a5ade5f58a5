package kr.madang.schemas.avro;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads an event written by {@link AvroEventSerializer}: finds the writer schema by fingerprint among the
 * published versions and resolves it to this build's generated class of the same name. A record whose
 * schema cannot be found or resolved raises {@link UnknownEventSchemaException}; bytes that are not an
 * event raise {@link InvalidEventException}. Wrapped in spring-kafka's ErrorHandlingDeserializer, both
 * send the record to the consumer's dead-letter topic with the reason.
 */
public class AvroEventDeserializer implements Deserializer<SpecificRecord> {

    private final EventSchemaHistory history;
    private final Map<Long, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    public AvroEventDeserializer() {
        this(EventSchemaHistory.published());
    }

    public AvroEventDeserializer(EventSchemaHistory history) {
        this.history = history;
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < 10 || data[0] != AvroEventSerializer.MARKER_1 || data[1] != AvroEventSerializer.MARKER_2) {
            throw new InvalidEventException("Not an Avro single-object encoded event (bad marker or too short)", null);
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        SpecificDatumReader<SpecificRecord> reader = readers.computeIfAbsent(fingerprint, this::readerFor);
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 10, data.length - 10, null);
            return reader.read(null, decoder);
        } catch (Exception e) {
            throw new InvalidEventException("Cannot decode event body: " + e.getMessage(), e);
        }
    }

    private SpecificDatumReader<SpecificRecord> readerFor(long fingerprint) {
        Schema writer = history.byFingerprint(fingerprint);
        if (writer == null) {
            throw new UnknownEventSchemaException("Unknown schema fingerprint " + Long.toHexString(fingerprint)
                    + ": written by a newer producer whose schema this build has not published");
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null) {
            throw new UnknownEventSchemaException("No event class for " + writer.getFullName() + " in this build");
        }
        Schema readerSchema = SpecificData.get().getSchema(generated);
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new UnknownEventSchemaException("Cannot resolve " + writer.getFullName() + " to this build's schema: "
                    + compatibility.getResult().getIncompatibilities());
        }
        return new SpecificDatumReader<>(writer, readerSchema);
    }
}
