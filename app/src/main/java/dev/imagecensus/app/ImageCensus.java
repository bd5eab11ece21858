package dev.imagecensus.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code image-census} executable: one subcommand per service plus the all-in-one local stack. */
@Command(name = "image-census", mixinStandardHelpOptions = true, version = "image-census 0.1.0",
        description = "Kubernetes container-image inventory on Apache Kafka.",
        subcommands = {LocalCommand.class, WatcherCommand.class, EnricherCommand.class, AggregatorCommand.class, SchemaRegistryCommand.class, InventoryCommand.class, CommandLine.HelpCommand.class})
public final class ImageCensus implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("inventory")) {
            // The report owns stdout (-o json | jq): logs go to stderr. Set before any logger exists.
            System.setProperty("image-census.log.target", "System.err");
        }
        System.exit(commandLine().execute(args));
    }

    /** The CLI with its error policy: a bad setting prints one clear line and exits 2, anything else fails loudly. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ImageCensus());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                command.getErr().println("image-census: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
