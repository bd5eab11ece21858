package dev.imagecensus.app;

import dev.imagecensus.aggregator.MissingTagPolicy;
import dev.imagecensus.app.inventory.AggregatorInventory;
import dev.imagecensus.app.inventory.ClusterInventory;
import dev.imagecensus.app.inventory.ContainerEntry;
import dev.imagecensus.app.inventory.ImageClassifier;
import dev.imagecensus.app.inventory.ImageFacts;
import dev.imagecensus.app.inventory.Inventory;
import dev.imagecensus.app.inventory.InventoryBuilder;
import dev.imagecensus.app.inventory.InventoryJson;
import dev.imagecensus.app.inventory.InventoryText;
import dev.imagecensus.app.inventory.TagPolicy;
import dev.imagecensus.enricher.RegistrySettings;
import dev.imagecensus.watcher.ClusterSnapshot;
import dev.imagecensus.watcher.KubeAccess;
import dev.imagecensus.watcher.inventory.NamespaceFilter;
import dev.imagecensus.watcher.inventory.PodEvaluator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code image-census inventory}: the current inventory, KAI-like, from a running aggregator; or, with a cluster
 * given, the cluster listed once (KAI's adhoc mode), images optionally inspected in their registries.
 */
@Command(name = "inventory", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Print the image inventory: from a running aggregator (default), or one-shot from a cluster "
                + "with --kubeconfig, --context or --in-cluster (no Kafka needed; --classify inspects each image).",
                "", "Table output: a one-shot run prints a line per pod container, then the images:",
                "  Namespace: ns, Pod: p, Image: i, Base OS: os",
                "an aggregator's inventory prints a table per workload container, then the images.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:the aggregator or the cluster could not be read", "2:bad usage"})
final class InventoryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "table|json",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--url", defaultValue = "${env:IMAGE_CENSUS_URL:-http://localhost:8080}",
            description = "The aggregator's HTTP address (env IMAGE_CENSUS_URL, default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--kubeconfig", description = "One-shot: list the cluster of this kubeconfig once instead of asking an aggregator.")
    Path kubeconfig;

    @Option(names = "--context", description = "One-shot: kubeconfig context (file: --kubeconfig, $KUBECONFIG or ~/.kube/config).")
    String context;

    @Option(names = "--in-cluster", description = "One-shot: list the cluster of this pod's service account.")
    boolean inCluster;

    @Option(names = "--classify", description = "One-shot: inspect each unique image in its registry (base OS, FIPS, existence).")
    boolean classify;

    @Option(names = "--classify-concurrency", defaultValue = "4",
            description = "Images inspected at a time with --classify (default: ${DEFAULT-VALUE}).")
    int classifyConcurrency;

    @Option(names = "--namespace-include", split = ",", description = "Namespaces to report: names or regexes (default: all).")
    List<String> namespaceInclude = new ArrayList<>();

    @Option(names = "--namespace-exclude", split = ",", description = "Namespaces to leave out: names or regexes; wins over include.")
    List<String> namespaceExclude = new ArrayList<>();

    @Option(names = "--running-only", description = "One-shot: count only Running pods (KAI's ignore-not-running).")
    boolean runningOnly;

    @Option(names = "--missing-tag-policy", defaultValue = "digest", converter = PolicyConverter.class,
            description = "Images referenced by digest only: digest (the digest as tag), insert (--missing-tag) or drop (default: ${DEFAULT-VALUE}).")
    MissingTagPolicy missingTagPolicy;

    @Option(names = "--missing-tag", defaultValue = "UNKNOWN", description = "The tag of --missing-tag-policy insert (default: ${DEFAULT-VALUE}).")
    String missingTag;

    @Option(names = "--page-size", defaultValue = "500", description = "One-shot: objects per list page (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Mixin
    RegistryOptions registry;

    @Override
    public Integer call() throws Exception {
        boolean json = switch (output) {
            case "table" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("-o/--output must be table or json, got '" + output + "'");
        };
        NamespaceFilter namespaces = namespaces();
        TagPolicy tags = new TagPolicy(missingTagPolicy, missingTag);
        boolean oneShot = kubeconfig != null || context != null || inCluster;
        if (classify && !oneShot) {
            throw new IllegalArgumentException("--classify lists a cluster once: add --kubeconfig, --context or "
                    + "--in-cluster (an aggregator has classified its images already)");
        }
        Inventory inventory;
        try {
            inventory = oneShot ? oneShot(namespaces, tags) : remote(namespaces, tags);
        } catch (AggregatorInventory.UnreachableException e) {
            return fail(e.getMessage() + (!e.nobodyListens() ? "" : ".\nStart one with `image-census local` (or point "
                    + "--url / IMAGE_CENSUS_URL at it), or list a cluster once without one: `image-census inventory "
                    + "--kubeconfig ~/.kube/config [--classify]`."));
        } catch (NoSuchFileException e) {
            return fail("cannot list the cluster: no such file " + e.getFile());
        } catch (IOException e) {
            return fail("cannot list the cluster: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? InventoryJson.render(inventory) : InventoryText.render(inventory));
        out.flush();
        return 0;
    }

    private Inventory remote(NamespaceFilter namespaces, TagPolicy tags) throws InterruptedException {
        AggregatorInventory aggregator = new AggregatorInventory(url);
        AggregatorInventory.Answer answer = aggregator.fetch();
        return InventoryBuilder.build(aggregator.url(), true, answer.entries(), answer.facts()::get, namespaces, tags);
    }

    private Inventory oneShot(NamespaceFilter namespaces, TagPolicy tags) throws IOException, InterruptedException {
        if (pageSize < 1) {
            throw new IllegalArgumentException("--page-size must be at least 1, got " + pageSize);
        }
        if (classifyConcurrency < 1) {
            throw new IllegalArgumentException("--classify-concurrency must be at least 1, got " + classifyConcurrency);
        }
        RegistrySettings settings = classify ? registry.settings() : null; // bad registry flags fail before listing
        KubeAccess access = WatcherCommand.KubeSelection.choose(inCluster, kubeconfig, context);
        List<ContainerEntry> entries = ClusterInventory.entries(
                ClusterSnapshot.list(access, new PodEvaluator(namespaces, runningOnly), pageSize));
        Map<String, ImageFacts> facts = Map.of();
        if (classify) {
            Set<String> references = ClusterInventory.references(entries);
            progress("inspecting " + references.size() + " images in their registries, " + classifyConcurrency
                    + " at a time ...");
            long started = System.nanoTime();
            try (ImageClassifier classifier = new ImageClassifier(settings, classifyConcurrency)) {
                facts = classifier.classify(references);
            }
            progress("inspected " + references.size() + " images in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        }
        return InventoryBuilder.build(access.toString(), classify, entries, facts::get, namespaces, tags);
    }

    private NamespaceFilter namespaces() {
        try {
            return NamespaceFilter.of(namespaceInclude, namespaceExclude);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--namespace-include/--namespace-exclude: '" + e.getPattern()
                    + "' is not a name or a regex", e);
        }
    }

    /** A progress line on stderr, so stdout stays the report. */
    private void progress(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("image-census: " + message);
        err.flush();
    }

    private int fail(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("image-census: " + message);
        err.flush();
        return 1;
    }

    /** {@code digest}, {@code insert} or {@code drop}, in any case. */
    static final class PolicyConverter implements CommandLine.ITypeConverter<MissingTagPolicy> {
        @Override
        public MissingTagPolicy convert(String value) {
            return MissingTagPolicy.parse(value);
        }
    }
}
