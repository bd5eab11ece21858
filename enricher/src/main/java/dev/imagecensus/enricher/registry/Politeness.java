package dev.imagecensus.enricher.registry;

/**
 * How hard one client may press one registry.
 *
 * @param maxConcurrent     requests in flight per registry (a streamed layer holds its slot until closed)
 * @param requestsPerSecond sustained request rate per registry (token bucket refill)
 * @param burst             requests allowed at once after a quiet spell (token bucket size)
 */
public record Politeness(int maxConcurrent, double requestsPerSecond, int burst) {

    public Politeness {
        if (maxConcurrent < 1 || requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("politeness needs maxConcurrent >= 1, requestsPerSecond > 0, burst >= 1");
        }
    }

    public static Politeness defaults() {
        return new Politeness(8, 50, 100);
    }
}
