package dev.imagecensus.app.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * The report as JSON ({@code -o json}), for {@code jq}: {@code {source, classified, containers: [...], images: [...]}},
 * absent values left out, e.g. {@code jq -r '.containers[] | select(.fips != "ENFORCED") | .pod'}.
 */
public final class InventoryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InventoryJson() {
    }

    public static String render(Inventory inventory) {
        try {
            return MAPPER.writeValueAsString(inventory) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
