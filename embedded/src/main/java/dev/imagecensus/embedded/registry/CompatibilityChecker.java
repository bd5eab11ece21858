package dev.imagecensus.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** Checks a candidate schema against earlier versions with Avro's own {@link SchemaCompatibility}. */
final class CompatibilityChecker {

    /** An earlier live version of the subject. */
    record Previous(int version, Schema schema) {
    }

    private CompatibilityChecker() {
    }

    /**
     * @param previous live versions, oldest first; only the last counts unless the level is transitive
     * @return one message per incompatibility, empty when compatible
     */
    static List<String> check(CompatibilityLevel level, Schema candidate, List<Previous> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<Previous> against = level.transitive() ? previous : previous.subList(previous.size() - 1, previous.size());
        List<String> messages = new ArrayList<>();
        for (Previous p : against) {
            if (level.backward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, p.schema()),
                        "the new schema cannot read data written with version " + p.version(), level, messages);
            }
            if (level.forward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(p.schema(), candidate),
                        "version " + p.version() + " cannot read data written with the new schema", level, messages);
            }
        }
        return messages;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String direction,
                                 CompatibilityLevel level, List<String> messages) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility i : result.getResult().getIncompatibilities()) {
            messages.add(i.getType() + " at '" + i.getLocation() + "': " + i.getMessage()
                    + " (" + direction + ", compatibility " + level + ")");
        }
    }
}
