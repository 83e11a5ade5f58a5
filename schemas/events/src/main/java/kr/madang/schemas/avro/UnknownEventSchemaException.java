package kr.madang.schemas.avro;

import org.apache.kafka.common.errors.SerializationException;

/** The record was written with a schema this reader cannot resolve: it belongs on the dead-letter topic. */
public class UnknownEventSchemaException extends SerializationException {

    public UnknownEventSchemaException(String message) {
        super(message);
    }
}
