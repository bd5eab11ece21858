package dev.imagecensus.streams;

import dev.imagecensus.schemas.avro.DeadLetter;

/** A source record after decoding: its value (null for a tombstone), or the dead letter that replaces it. */
record Decoded<V>(V value, DeadLetter deadLetter) {

    static <V> Decoded<V> ok(V value) {
        return new Decoded<>(value, null);
    }

    static <V> Decoded<V> failed(DeadLetter deadLetter) {
        return new Decoded<>(null, deadLetter);
    }

    boolean failed() {
        return deadLetter != null;
    }
}
