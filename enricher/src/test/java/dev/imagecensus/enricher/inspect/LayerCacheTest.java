package dev.imagecensus.enricher.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagecensus.enricher.classify.LayerFacts;
import dev.imagecensus.enricher.classify.LayerScanner;
import dev.imagecensus.enricher.classify.TarEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LayerCacheTest {

    private static LayerFacts facts(String osRelease) {
        LayerScanner scanner = new LayerScanner();
        scanner.accept(TarEntry.file("etc/os-release", osRelease.length()), osRelease.getBytes(StandardCharsets.UTF_8));
        return scanner.finish();
    }

    @Test
    void shouldAnswerFromCacheWhenLayerWasReadBefore() {
        LayerCache cache = new LayerCache(1 << 20);
        LayerCache.Lookup first = cache.lookup("sha256:a", Duration.ZERO);
        ((LayerCache.Load) first).done(facts("ID=debian\n"));

        LayerCache.Lookup second = cache.lookup("sha256:a", Duration.ZERO);

        assertThat(second).isInstanceOf(LayerCache.Hit.class);
        assertThat(((LayerCache.Hit) second).facts()).isEqualTo(facts("ID=debian\n"));
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void shouldNotCachePartialOrFailedReads() {
        LayerCache cache = new LayerCache(1 << 20);
        LayerScanner scanner = new LayerScanner();
        scanner.markPartial("stalled");
        ((LayerCache.Load) cache.lookup("sha256:p", Duration.ZERO)).done(scanner.finish());
        ((LayerCache.Load) cache.lookup("sha256:f", Duration.ZERO)).done(null);

        assertThat(cache.lookup("sha256:p", Duration.ZERO)).isInstanceOf(LayerCache.Load.class);
        assertThat(cache.lookup("sha256:f", Duration.ZERO)).isInstanceOf(LayerCache.Load.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldWaitForTheReaderWhenAnotherInspectionReadsTheSameLayer() throws Exception {
        LayerCache cache = new LayerCache(1 << 20);
        LayerCache.Load reader = (LayerCache.Load) cache.lookup("sha256:shared", Duration.ZERO);

        CompletableFuture<LayerCache.Lookup> waiter = CompletableFuture.supplyAsync(
                () -> cache.lookup("sha256:shared", Duration.ofSeconds(10)));
        Thread.sleep(100);
        reader.done(facts("ID=alpine\n"));

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isInstanceOf(LayerCache.Hit.class);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void shouldReadItselfWhenTheOtherReaderFailsOrTakesTooLong() {
        LayerCache cache = new LayerCache(1 << 20);
        cache.lookup("sha256:slow", Duration.ZERO); // claimed, never done

        LayerCache.Lookup impatient = cache.lookup("sha256:slow", Duration.ofMillis(50));

        assertThat(impatient).isInstanceOf(LayerCache.Load.class);
        ((LayerCache.Load) impatient).done(facts("ID=x\n"));
        assertThat(cache.lookup("sha256:slow", Duration.ZERO)).isInstanceOf(LayerCache.Hit.class);
    }

    @Test
    void shouldEvictLeastRecentlyUsedWhenOverItsSize() {
        LayerFacts one = facts("ID=debian\n" + "x".repeat(1000));
        long each = LayerCache.weigh("sha256:1", one);
        LayerCache cache = new LayerCache(each * 2 + 10);
        ((LayerCache.Load) cache.lookup("sha256:1", Duration.ZERO)).done(one);
        ((LayerCache.Load) cache.lookup("sha256:2", Duration.ZERO)).done(one);
        cache.lookup("sha256:1", Duration.ZERO); // 1 is now the most recently used

        ((LayerCache.Load) cache.lookup("sha256:3", Duration.ZERO)).done(one);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.weight()).isLessThanOrEqualTo(each * 2 + 10);
        assertThat(cache.lookup("sha256:1", Duration.ZERO)).isInstanceOf(LayerCache.Hit.class);
        assertThat(cache.lookup("sha256:2", Duration.ZERO)).isInstanceOf(LayerCache.Load.class);
    }
}
