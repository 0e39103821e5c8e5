package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Standard output holds archforge's results and nothing a library prints: {@code --json} of a run
 * that validates CQL (Cassandra's model, whose jamm prints a warning to standard output on Java 25)
 * parses as one JSON document, on the JVM of the tests and on every JDK 25+ this machine has.
 */
class StandardOutputTest {
  @TempDir
  Path tmp;

  static List<String> javas() throws IOException {
    List<String> javas = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> found = Files.list(jvms)) {
        found.filter(j -> Files.isExecutable(j.resolve("bin/java")) && release(j) >= 25).sorted()
            .forEach(j -> javas.add(j.resolve("bin/java").toString()));
      }
    }
    return javas;
  }

  private static int release(Path jdk) {
    try {
      return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION=\""))
          .map(l -> l.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1")).mapToInt(Integer::parseInt).findFirst().orElse(0);
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  @ParameterizedTest
  @MethodSource("javas")
  void jsonOfACassandraRunIsTheWholeStandardOutput(String java) throws Exception {
    Path stdout = tmp.resolve("stdout.json");
    Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EntryPoint.class.getName(),
        "generate", Path.of("samples/iot-telemetry.yaml").toAbsolutePath().toString(), "-o",
        tmp.resolve("out").toString(), "--no-cache", "--json").redirectOutput(stdout.toFile())
        .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String printed = Files.readString(stdout, StandardCharsets.UTF_8);
    assertThat(run.exitValue()).as(Files.readString(tmp.resolve("stderr.txt"))).isZero();
    assertThat(printed).as("standard output").startsWith("{");
    JsonNode result = new ObjectMapper().readTree(printed);
    assertThat(result.path("exitCode").asInt(-1)).isZero();
    assertThat(result.path("files").size()).isPositive();
  }
}
