package dev.imagecensus.embedded.registry;

/** A version in a request path: a number from 1, or "latest" / -1. */
record VersionId(int number) {

    private static final int LATEST = -1;

    static VersionId parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return new VersionId(LATEST);
        }
        try {
            int number = Integer.parseInt(text);
            if (number == LATEST || number >= 1) {
                return new VersionId(number);
            }
        } catch (NumberFormatException e) {
            // answered below, like every other out-of-range value
        }
        throw RegistryException.invalidVersion(text);
    }

    boolean isLatest() {
        return number == LATEST;
    }
}
