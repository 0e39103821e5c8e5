package dev.archforge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For random hand edits (a line inserted or replaced, in the files people edit most) and random
 * requirement changes (scale, a new field, a new entity, the read ratio), a regeneration loses no
 * line a person wrote: each is still in its file, and one inside conflict markers is in a file the
 * run reported as conflicted. 50 tries: each is a full run of the pipeline.
 */
class NoLostLinesPropertyTest {
  static final String BASE = """
      archforge: 1
      project:
        name: notes
      scale:
        peakRps: 200
        readRatio: 0.9
      decisions:
        deployment: kubernetes
      security:
        roles: [user, admin]
      services:
        notes:
          exposure: public
          entities: [Note]
          access:
            Note: { read: [user], write: [user] }
      entities:
        Note:
          fields:
            body: text
      """;
  static final List<String> FILES = List.of("CAPACITY.md", "CONTEXT.md", "ARCHITECTURE.md", "README.md",
      "api/notes/openapi.yaml", "deploy/docker-compose.yaml", "deploy/k8s/base/notes/deployment.yaml",
      "deploy/k8s/base/notes/hpa.yaml", "security/SECURITY.md", "security/AUTHZ-MATRIX.md", "decisions/README.md",
      "decisions/0005-caching.md", "decisions/0010-scaling.md", "db/notes/migrations/V1__initial_schema.sql",
      "observability/alerts.yaml");
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  enum Change { SCALE_X25, NEW_FIELD, NEW_ENTITY, READ_RATIO }

  /** A person's line: inserted before, or written over, the line at {@code at} (a share of the file's length). */
  record Edit(int file, double at, boolean replace) {}

  private static Path template;
  private static final Pipeline PIPELINE = Pipeline.standard();

  @BeforeContainer
  static void firstRun() throws IOException {
    template = Files.createTempDirectory("archforge-no-lost-lines");
    Path input = template.resolve("in.yaml");
    Files.writeString(input, BASE);
    PIPELINE.generate(new GenerateRequest(input, template.resolve("ws"), Optional.empty(), List.of(), false, NOW));
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    delete(template);
  }

  @Property(tries = 50)
  void noLineAPersonWroteIsLostWithoutAConflict(@ForAll("edits") List<Edit> edits, @ForAll("changes") Set<Change> changes)
      throws IOException {
    Path dir = Files.createTempDirectory("archforge-try");
    try {
      copy(template, dir);
      Path agent = dir.resolve("ws/backend-architect");
      List<String[]> written = new ArrayList<>();
      for (int i = 0; i < edits.size(); i++) {
        Edit edit = edits.get(i);
        String path = FILES.get(edit.file());
        String line = "# a person's line " + i + " in " + path;
        List<String> lines = new ArrayList<>(Files.readAllLines(agent.resolve(path)));
        int at = Math.min(lines.size() - 1, (int) (edit.at() * lines.size()));
        if (edit.replace() && !lines.get(at).startsWith("# a person's line")) { // never over the person's own line
          lines.set(at, line);
        } else {
          lines.add(at, line);
        }
        Files.writeString(agent.resolve(path), String.join("\n", lines) + "\n");
        written.add(new String[] {path, line});
      }
      Path input = dir.resolve("in.yaml");
      Files.writeString(input, change(changes));

      List<String> reported = new ArrayList<>();
      try {
        PIPELINE.generate(new GenerateRequest(input, dir.resolve("ws"), Optional.empty(), List.of(), false,
            NOW.plusSeconds(60)));
      } catch (ArchforgeException e) {
        assertThat(e.exitCode()).as(String.join("\n", e.messages())).isEqualTo(ExitCode.NEEDS_PERSON);
        reported.addAll(e.messages());
      }
      for (String[] w : written) {
        String text = Files.readString(agent.resolve(w[0]));
        assertThat(text).as("%s after %s and %s", w[0], edits, changes).contains(w[1]);
        if (insideMarkers(text, w[1])) {
          assertThat(reported).as("the conflict in " + w[0] + " is reported").anyMatch(m -> m.startsWith("  " + w[0] + ": lines"));
        }
      }
    } finally {
      delete(dir);
    }
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    return Combinators.combine(Arbitraries.integers().between(0, FILES.size() - 1),
        Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false)).as(Edit::new).list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Set<Change>> changes() {
    return Arbitraries.of(Change.class).set().ofMaxSize(4);
  }

  static String change(Set<Change> changes) {
    String yaml = BASE;
    if (changes.contains(Change.SCALE_X25)) {
      yaml = yaml.replace("peakRps: 200", "peakRps: 5000");
    }
    if (changes.contains(Change.READ_RATIO)) {
      yaml = yaml.replace("readRatio: 0.9", "readRatio: 0.5");
    }
    if (changes.contains(Change.NEW_FIELD)) {
      yaml = yaml.replace("      body: text\n", "      body: text\n      title: string\n");
    }
    if (changes.contains(Change.NEW_ENTITY)) {
      yaml = yaml.replace("entities: [Note]", "entities: [Note, Tag]")
          .replace("Note: { read: [user], write: [user] }", "Note: { read: [user], write: [user] }\n      Tag: { read: [user], write: [admin] }")
          + "  Tag:\n    fields:\n      label: string\n";
    }
    return yaml;
  }

  private static boolean insideMarkers(String text, String line) {
    int at = text.indexOf(line);
    int start = text.lastIndexOf("<<<<<<< yours", at);
    return start >= 0 && text.lastIndexOf(">>>>>>> generated", at) < start;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
