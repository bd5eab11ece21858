package dev.imagecensus.enricher.classify;

/** The type of a tar entry, as far as classification cares. */
public enum EntryType {
    /** A regular file (tar types '0' and '\0', and contiguous files). */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link; its target is absolute or relative to the link's directory. */
    SYMLINK,
    /** A hard link; its target is another path in the archive, relative to the root. */
    HARDLINK,
    /** Devices, FIFOs and anything else: never interesting. */
    OTHER
}
