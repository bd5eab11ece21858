package dev.imagecensus.watcher.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams API response bodies: a list is read item by item (only one item's tree is held at a time), a watch body
 * as a sequence of {@code {"type":..,"object":..}} documents. Fields other than those read are skipped unparsed.
 */
public final class JsonBodies {

    private static final Logger LOG = LoggerFactory.getLogger(JsonBodies.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    /** Reads a {@code *List} body; items that cannot be identified are logged and skipped. */
    public static <T> ListPage<T> readList(InputStream body, Function<JsonNode, T> decoder) throws IOException {
        List<T> items = new ArrayList<>();
        String resourceVersion = null;
        String continueToken = null;
        try (JsonParser parser = MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("list response is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("metadata".equals(field) && value == JsonToken.START_OBJECT) {
                    JsonNode meta = parser.readValueAsTree();
                    resourceVersion = Projections.text(meta, "resourceVersion");
                    continueToken = Projections.text(meta, "continue");
                } else if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        decode(parser.readValueAsTree(), decoder, items);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new ListPage<>(items, resourceVersion, continueToken);
    }

    /** A stream of watch events over {@code body}; closing it closes {@code body}. */
    public static <T> KubeTransport.Stream<T> watchEvents(InputStream body, Function<JsonNode, T> decoder) throws IOException {
        MappingIterator<JsonNode> events = MAPPER.readerFor(JsonNode.class).readValues(body);
        return new KubeTransport.Stream<>() {
            @Override
            public WatchEvent<T> next() throws IOException {
                while (events.hasNextValue()) {
                    WatchEvent<T> event = event(events.nextValue(), decoder);
                    if (event != null) {
                        return event;
                    }
                }
                return null;
            }

            @Override
            public void close() throws IOException {
                events.close();
                body.close();
            }
        };
    }

    /** One watch document; null (logged) when it cannot be used. */
    static <T> WatchEvent<T> event(JsonNode document, Function<JsonNode, T> decoder) {
        String typeName = Projections.text(document, "type");
        JsonNode object = document.path("object");
        WatchEvent.Type type;
        try {
            type = WatchEvent.Type.valueOf(typeName == null ? "" : typeName);
        } catch (IllegalArgumentException unknown) {
            LOG.warn("skipping watch event of unknown type {}", typeName);
            return null;
        }
        return switch (type) {
            case ERROR -> new WatchEvent<>(type, null, null, status(object));
            case BOOKMARK -> new WatchEvent<>(type, null, Projections.resourceVersion(object), null);
            default -> {
                List<T> decoded = new ArrayList<>(1);
                decode(object, decoder, decoded);
                yield decoded.isEmpty() ? null
                        : new WatchEvent<>(type, decoded.get(0), Projections.resourceVersion(object), null);
            }
        };
    }

    /** A {@code Status} object (as in error bodies and ERROR events) as an exception. */
    public static KubeApiException status(JsonNode status) {
        return new KubeApiException(status.path("code").asInt(500), statusMessage(status));
    }

    /** {@code reason: message} of a Status object. */
    static String statusMessage(JsonNode status) {
        String reason = Projections.text(status, "reason");
        String message = Projections.text(status, "message");
        return (reason == null ? "" : reason + ": ") + (message == null ? "" : message);
    }

    /** Parses an error body; its Status when it is one. */
    static JsonNode tryParse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException notJson) {
            return MAPPER.missingNode();
        }
    }

    private static <T> void decode(JsonNode object, Function<JsonNode, T> decoder, List<T> into) {
        try {
            into.add(decoder.apply(object));
        } catch (Projections.MalformedObjectException e) {
            LOG.warn("skipping unidentifiable object: {}", e.getMessage());
        }
    }
}
