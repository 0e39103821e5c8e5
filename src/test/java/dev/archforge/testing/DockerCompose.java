package dev.archforge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code docker-compose config -q} for tests: the compose file is parsed and checked against the
 * Compose schema without a Docker engine. The env files it names must exist, so the examples
 * ({@code env/*.env.example}) are copied first. docker-compose (Debian's package, or the binary
 * named by the system property {@code archforge.dockerCompose}) must be installed: a missing one
 * skips the test, or fails it under {@code CI=true} ({@link Tool#missing}).
 */
public final class DockerCompose {
  private static final long TIMEOUT_SECONDS = 120;

  private DockerCompose() {}

  public static String binary() {
    String property = System.getProperty("archforge.dockerCompose");
    return property != null && !property.isBlank() ? property : "docker-compose";
  }

  /** Copies every {@code env/NAME.env.example} beside the compose file to {@code env/NAME.env}. */
  public static void copyEnvExamples(Path composeFile) {
    Path env = composeFile.toAbsolutePath().getParent().resolve("env");
    if (!Files.isDirectory(env)) {
      return;
    }
    try (Stream<Path> files = Files.list(env)) {
      for (Path example : files.filter(f -> f.getFileName().toString().endsWith(".env.example")).toList()) {
        String name = example.getFileName().toString();
        Files.copy(example, env.resolve(name.substring(0, name.length() - ".example".length())),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code docker-compose -f FILE config -q} as it ran, from the file's folder. */
  public static ProcessRun configQuiet(Path composeFile) {
    if (!Tool.found(binary())) {
      Tool.DOCKER_COMPOSE.missing("no " + binary() + " on the PATH; -Darchforge.dockerCompose=PATH names another");
    }
    Path file = composeFile.toAbsolutePath();
    return ProcessRun.run(List.of(binary(), "-f", file.toString(), "config", "-q"), file.getParent(),
        TIMEOUT_SECONDS);
  }
}
