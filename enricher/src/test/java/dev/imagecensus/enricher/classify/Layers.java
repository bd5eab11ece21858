package dev.imagecensus.enricher.classify;

import java.nio.charset.StandardCharsets;

/** Test fixture: builds one layer's {@link LayerFacts} the way a layer reader would feed a {@link LayerScanner}. */
final class Layers {

    private final LayerScanner scanner;

    private Layers(ScanBounds bounds) {
        this.scanner = new LayerScanner(bounds);
    }

    static Layers layer() {
        return new Layers(ScanBounds.defaults());
    }

    static Layers layer(ScanBounds bounds) {
        return new Layers(bounds);
    }

    Layers file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    Layers file(String path, byte[] content) {
        scanner.accept(TarEntry.file(path, content.length), content);
        return this;
    }

    Layers dir(String path) {
        scanner.accept(TarEntry.directory(path));
        return this;
    }

    Layers symlink(String path, String target) {
        scanner.accept(TarEntry.symlink(path, target));
        return this;
    }

    Layers hardlink(String path, String target) {
        scanner.accept(TarEntry.hardlink(path, target));
        return this;
    }

    /** A {@code .wh.<name>} entry deleting {@code path} from lower layers. */
    Layers whiteout(String path) {
        String parent = ImagePaths.parent(path);
        return file(ImagePaths.join(parent, ".wh." + ImagePaths.name(path)), "");
    }

    /** A {@code .wh..wh..opq} entry hiding the lower content of {@code dir}. */
    Layers opaque(String dir) {
        return file(ImagePaths.join(dir, ".wh..wh..opq"), "");
    }

    Layers partial(String reason) {
        scanner.markPartial(reason);
        return this;
    }

    LayerFacts build() {
        return scanner.finish();
    }
}
