package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees from an unchanged run is the same with and without the run cache. */
class GenerateCacheCliTest {
  @TempDir
  Path tmp;

  private Map<String, String> env(String cacheDir) {
    return Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH, "ARCHFORGE_CACHE_DIR", cacheDir);
  }

  @Test
  void anUnchangedRunPrintsWhatTheFullRunPrints() {
    for (String sample : List.of("saas-projects", "minimal")) {
      String out = tmp.resolve(sample).toString();
      Map<String, String> cached = env(tmp.resolve("cache").toString());
      assertThat(CliRunner.run(cached, "generate", "samples/" + sample + ".yaml", "-o", out).code()).isZero();
      for (List<String> extra : List.of(List.<String>of(), List.of("--json"), List.of("--dry-run"))) {
        String[] args = Stream.concat(Stream.of("generate", "samples/" + sample + ".yaml", "-o", out), extra.stream())
            .toArray(String[]::new);
        CliRunner.Run fast = CliRunner.run(cached, args);
        CliRunner.Run full = CliRunner.run(env("off"), args);
        assertThat(fast).as(sample + " " + extra).isEqualTo(full);
        assertThat(fast.code()).isZero();
      }
    }
  }

  @Test
  void theQuickPathPrintsWhatPicocliPrints() throws IOException {
    Path input = tmp.resolve("in.yaml");
    Files.copy(Path.of("samples/minimal.yaml"), input);
    String out = tmp.resolve("ws").toString();
    Map<String, String> cached = env(tmp.resolve("cache").toString());
    assertThat(CliRunner.run(cached, "generate", input.toString(), "-o", out).code()).isZero();
    Files.writeString(tmp.resolve("ws/backend-architect/README.md"), "edited by a person\n");
    for (List<String> extra : List.of(List.<String>of(), List.of("--json"), List.of("--dry-run"))) {
      CliRunner.Run full = quickMatchesPicocli(cached, input, out, extra);
      assertThat(full.out()).contains("README.md");
    }
    Files.writeString(input, "format: 1\nproject: [\n");
    for (List<String> extra : List.of(List.<String>of(), List.of("--json"), List.of("--no-cache"))) {
      assertThat(quickMatchesPicocli(cached, input, out, extra).code()).as("bad input " + extra).isEqualTo(2);
    }
  }

  /** Runs {@code generate INPUT -o OUT EXTRA} on the quick path and through picocli; both print the same. */
  private CliRunner.Run quickMatchesPicocli(Map<String, String> cached, Path input, String out, List<String> extra) {
    String[] args = Stream.concat(Stream.of("generate", input.toString(), "-o", out), extra.stream())
        .toArray(String[]::new);
    StringWriter quickOut = new StringWriter();
    StringWriter quickErr = new StringWriter();
    OptionalInt quick = QuickGenerate.run(args, cached, new PrintWriter(quickOut), new PrintWriter(quickErr));
    CliRunner.Run full = CliRunner.run(env("off"), args);
    assertThat(quick).as(extra.toString()).isPresent();
    assertThat(new CliRunner.Run(quick.getAsInt(), quickOut.toString(), quickErr.toString()))
        .as(extra.toString()).isEqualTo(full);
    return full;
  }

  @Test
  void theQuickPathRunsAChangedInputInFull() throws IOException {
    Path input = tmp.resolve("in.yaml");
    Files.copy(Path.of("samples/minimal.yaml"), input);
    Map<String, String> cached = env(tmp.resolve("cache").toString());
    String[] quickArgs = {"generate", input.toString(), "-o", tmp.resolve("quick").toString()};
    String[] fullArgs = {"generate", input.toString(), "-o", tmp.resolve("full").toString()};
    StringWriter quickOut = new StringWriter();
    OptionalInt quick = QuickGenerate.run(quickArgs, cached, new PrintWriter(quickOut), new PrintWriter(new StringWriter()));
    CliRunner.Run full = CliRunner.run(cached, fullArgs);
    assertThat(quick).hasValue(0);
    assertThat(full.code()).isZero();
    assertThat(quickOut.toString().replace("quick", "full")).isEqualTo(full.out());
    assertThat(Files.readString(tmp.resolve("quick/backend-architect/CONTEXT.md")))
        .isEqualTo(Files.readString(tmp.resolve("full/backend-architect/CONTEXT.md")));
  }

  @Test
  void noCacheAndOffLeaveNoCacheBehind() throws IOException {
    Path cache = tmp.resolve("cache");
    String out = tmp.resolve("ws").toString();
    assertThat(CliRunner.run(env(cache.toString()), "generate", "samples/minimal.yaml", "-o", out, "--no-cache")
        .code()).isZero();
    assertThat(CliRunner.run(env("off"), "generate", "samples/minimal.yaml", "-o", out).code()).isZero();
    assertThat(cache).doesNotExist();
    assertThat(CliRunner.run(env(cache.toString()), "generate", "samples/minimal.yaml", "-o", out).code()).isZero();
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries).hasSize(1);
    }
  }
}
