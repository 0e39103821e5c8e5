package dev.archforge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code archforge schema}: prints the JSON Schema of the requirements format. */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Print the JSON Schema (2020-12) of the requirements file, for editors and CI.")
final class SchemaCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (InputStream in = SchemaCommand.class.getResourceAsStream("/schema/requirements.schema.json")) {
      spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
