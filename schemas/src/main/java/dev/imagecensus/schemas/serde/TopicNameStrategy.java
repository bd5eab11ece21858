package dev.imagecensus.schemas.serde;

import java.util.Objects;

/** Confluent's default subject naming: {@code <topic>-key} and {@code <topic>-value}, the only one image-census uses. */
public final class TopicNameStrategy {

    private TopicNameStrategy() {
    }

    public static String subject(String topic, boolean isKey) {
        Objects.requireNonNull(topic, "topic");
        return topic + (isKey ? "-key" : "-value");
    }
}
