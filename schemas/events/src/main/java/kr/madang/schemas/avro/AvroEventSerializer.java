package kr.madang.schemas.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an event in Avro single-object encoding: the two marker bytes, the 8-byte fingerprint of the
 * writer schema, then the Avro binary body. Refuses a schema that is not published in
 * {@link EventSchemaHistory}, since no consumer could read it.
 */
public class AvroEventSerializer implements Serializer<SpecificRecord> {

    static final byte MARKER_1 = (byte) 0xC3;
    static final byte MARKER_2 = (byte) 0x01;

    private final EventSchemaHistory history;
    private final Map<Schema, Writer> writers = new ConcurrentHashMap<>();

    public AvroEventSerializer() {
        this(EventSchemaHistory.published());
    }

    public AvroEventSerializer(EventSchemaHistory history) {
        this.history = history;
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        Writer writer = writers.computeIfAbsent(event.getSchema(), this::writerFor);
        return writer.write(event);
    }

    private Writer writerFor(Schema schema) {
        long fingerprint = EventSchemaHistory.fingerprint(schema);
        if (history.byFingerprint(fingerprint) == null) {
            throw new SerializationException("Schema of " + schema.getFullName()
                    + " is not published in schemas/events/src/main/resources/avro-history; publish it first");
        }
        return new Writer(fingerprint, new SpecificDatumWriter<>(schema));
    }

    private record Writer(long fingerprint, SpecificDatumWriter<SpecificRecord> datumWriter) {

        byte[] write(SpecificRecord event) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MARKER_1);
            out.write(MARKER_2);
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(fingerprint).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            try {
                datumWriter.write(event, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new SerializationException("Cannot encode " + event.getSchema().getFullName(), e);
            }
            return out.toByteArray();
        }
    }
}
