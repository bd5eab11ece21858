package dev.imagecensus.app.inventory;

/**
 * The report as text ({@code -o table}). With pod names (one-shot): the seed's line per pod container,
 * {@code Namespace: ns, Pod: p, Image: i, Base OS: os}, then the images. From an aggregator: a table of each
 * workload's containers, then the images.
 */
public final class InventoryText {

    private InventoryText() {
    }

    public static String render(Inventory inventory) {
        StringBuilder out = new StringBuilder();
        boolean perPod = inventory.containers().stream().anyMatch(c -> c.pod() != null);
        out.append(perPod ? podLines(inventory) : workloadTable(inventory));
        out.append('\n').append(imageTable(inventory));
        out.append('\n').append(summary(inventory)).append('\n');
        return out.toString();
    }

    /** The seed's per-pod line for one container. */
    public static String podLine(ContainerRow row) {
        return "Namespace: " + row.namespace() + ", Pod: " + row.pod() + ", Image: " + row.image() + ", Base OS: "
                + row.baseOs();
    }

    static String podLines(Inventory inventory) {
        StringBuilder out = new StringBuilder();
        inventory.containers().forEach(row -> out.append(podLine(row)).append('\n'));
        return out.toString();
    }

    static String workloadTable(Inventory inventory) {
        TextTable table = new TextTable("NAMESPACE", "WORKLOAD", "CONTAINER", "IMAGE", "BASE OS", "FIPS", "EXISTENCE",
                "PODS");
        for (ContainerRow row : inventory.containers()) {
            table.row(row.namespace(), row.workload(), row.container(), row.image(), row.baseOs(), row.fips(),
                    row.existence(), String.valueOf(row.pods()));
        }
        return table.render();
    }

    static String imageTable(Inventory inventory) {
        TextTable table = new TextTable("IMAGE", "BASE OS", "FIPS", "EXISTENCE", "CONTAINERS", "NAMESPACES", "NOTE");
        for (ImageRow row : inventory.images()) {
            table.row(row.image(), row.baseOs(), row.fips(), row.existence(), String.valueOf(row.containers()),
                    String.join(",", row.namespaces()), row.note() == null ? "" : oneLine(row.note()));
        }
        return table.render();
    }

    static String summary(Inventory inventory) {
        int containers = inventory.containers().stream().mapToInt(ContainerRow::pods).sum();
        return containers + " containers, " + inventory.images().size() + " images, from " + inventory.source()
                + (inventory.classified() ? "" : " (not classified: add --classify to inspect each image)");
    }

    private static String oneLine(String note) {
        return note.replaceAll("\\s+", " ").strip();
    }
}
