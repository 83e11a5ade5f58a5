package kr.madang.schemas.avro;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The rule every schema change must pass: full transitive compatibility. A new version must read
 * every earlier version (consumers upgraded first) and be readable by every earlier version
 * (producers upgraded first), since services are deployed independently.
 */
public final class SchemaCompatibilityCheck {

    private SchemaCompatibilityCheck() {
    }

    /** Problems that stop {@code candidate} from being published after {@code published}; empty when it may be. */
    public static List<String> problems(Schema candidate, List<Schema> published) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            Schema earlier = published.get(i);
            String version = candidate.getFullName() + " v" + (i + 1);
            var backward = SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier);
            if (backward.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add("new schema cannot read " + version + ": " + backward.getResult().getIncompatibilities());
            }
            var forward = SchemaCompatibility.checkReaderWriterCompatibility(earlier, candidate);
            if (forward.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(version + " cannot read the new schema: " + forward.getResult().getIncompatibilities());
            }
        }
        return problems;
    }
}
