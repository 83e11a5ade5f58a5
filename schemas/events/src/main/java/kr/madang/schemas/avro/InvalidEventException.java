package kr.madang.schemas.avro;

import org.apache.kafka.common.errors.SerializationException;

/** The record's bytes are not a Madang Avro event at all. */
public class InvalidEventException extends SerializationException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
