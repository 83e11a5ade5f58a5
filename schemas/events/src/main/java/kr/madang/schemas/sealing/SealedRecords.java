package kr.madang.schemas.sealing;

import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Opens every sealed string of an Avro event in place, whatever its schema: fields of nested records and of
 * arrays included. A consumer calls it once before routing, so its code reads plain values as before.
 */
public final class SealedRecords {

    private SealedRecords() {
    }

    public static void openAll(IndexedRecord record, UnaryOperator<String> opener) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            Object opened = open(value, opener);
            if (opened != value) {
                record.put(field.pos(), opened);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object open(Object value, UnaryOperator<String> opener) {
        if (value instanceof CharSequence text && FieldSealer.isSealed(text.toString())) {
            return opener.apply(text.toString());
        }
        if (value instanceof IndexedRecord nested) {
            openAll(nested, opener);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                Object opened = open(item, opener);
                if (opened != item) {
                    ((List<Object>) list).set(i, opened);
                }
            }
        }
        return value;
    }
}
