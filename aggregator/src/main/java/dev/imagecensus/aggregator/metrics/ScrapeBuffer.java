package dev.imagecensus.aggregator.metrics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer for writing the Prometheus text format without per-line allocation. */
final class ScrapeBuffer {

    private byte[] bytes;
    private int size;

    ScrapeBuffer(int capacity) {
        bytes = new byte[Math.max(1024, capacity)];
    }

    void write(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    void write(String s) {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    void write(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
    }

    /** A sample value: integers without a fraction (most of ours are counts), anything else as Java prints it. */
    void writeValue(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            writeLong((long) value);
        } else {
            write(Double.toString(value));
        }
    }

    /** Decimal digits straight into the buffer: no String per sample. */
    private void writeLong(long value) {
        if (value == 0 || value == 1) {
            write((char) ('0' + value));
            return;
        }
        if (value < 0) {
            write('-');
            value = -value;
        }
        ensure(20);
        int start = size;
        do {
            bytes[size++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The content without copying it (10⁵ series are megabytes). */
    ByteBuffer view() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
