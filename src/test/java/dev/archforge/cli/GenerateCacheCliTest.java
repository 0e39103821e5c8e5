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
  void theQuickPathAnswersOnlyConfirmedRunsAndPrintsWhatPicocliPrints() throws IOException {
    Path input = tmp.resolve("in.yaml");
    Files.copy(Path.of("samples/minimal.yaml"), input);
    String out = tmp.resolve("ws").toString();
    Map<String, String> cached = env(tmp.resolve("cache").toString());
    assertThat(CliRunner.run(cached, "generate", input.toString(), "-o", out).code()).isZero();
    Files.writeString(tmp.resolve("ws/backend-architect/README.md"), "edited by a person\n");
    for (List<String> extra : List.of(List.<String>of(), List.of("--json"), List.of("--dry-run"))) {
      String[] args = Stream.concat(Stream.of("generate", input.toString(), "-o", out), extra.stream())
          .toArray(String[]::new);
      StringWriter quickOut = new StringWriter();
      StringWriter quickErr = new StringWriter();
      OptionalInt quick = QuickGenerate.run(args, cached, new PrintWriter(quickOut), new PrintWriter(quickErr));
      CliRunner.Run full = CliRunner.run(env("off"), args);
      assertThat(quick).as(extra.toString()).isPresent();
      assertThat(new CliRunner.Run(quick.getAsInt(), quickOut.toString(), quickErr.toString()))
          .as(extra.toString()).isEqualTo(full);
      assertThat(full.out()).contains("README.md");
    }
    Files.writeString(input, Files.readString(input) + "# a comment changes the fingerprint\n");
    assertThat(QuickGenerate.run(new String[] {"generate", input.toString(), "-o", out}, cached,
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isEmpty();
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
