package dev.imagecensus.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code image-census} executable: one subcommand per service plus the all-in-one local stack. */
@Command(name = "image-census", mixinStandardHelpOptions = true, version = "image-census 0.1.0",
        description = "Kubernetes container-image inventory on Apache Kafka.",
        subcommands = {LocalCommand.class, SchemaRegistryCommand.class, CommandLine.HelpCommand.class})
public final class ImageCensus implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImageCensus()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
