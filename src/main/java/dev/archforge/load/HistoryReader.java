package dev.archforge.load;

import dev.archforge.model.History;
import dev.archforge.model.IssuedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the previous run left in an agent folder: the decision records it issued (their
 * pristine copies under {@code .archforge/pristine/decisions/}, and the files a person may have
 * changed the status of) and its normalised input.
 */
public final class HistoryReader {
  private static final Pattern NAME = Pattern.compile("(\\d{4})-([a-z][a-z0-9-]*)\\.md");
  private static final Pattern TITLE = Pattern.compile("(?m)^# \\d{4}\\. .*: (.+)$");
  private static final Pattern ORIGIN = Pattern.compile("(?m)^decided-by: (\\S+)$");
  private static final int LIMIT = 4 * 1024 * 1024;

  private HistoryReader() {}

  /** The history of {@code agent}; {@link History#NONE} when no run wrote there. */
  public static History read(Path agent) {
    Path pristine = agent.resolve(".archforge/pristine/decisions");
    try {
      String normalized = text(agent.resolve(".archforge/requirements.normalized.yaml")).orElse("");
      List<IssuedRecord> records = new ArrayList<>();
      if (Files.isDirectory(pristine, LinkOption.NOFOLLOW_LINKS)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pristine, "*.md")) {
          for (Path file : files) {
            record(file, agent.resolve("decisions").resolve(file.getFileName().toString())).ifPresent(records::add);
          }
        }
      }
      records.sort(java.util.Comparator.comparing(IssuedRecord::number));
      return new History(records, normalized);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the previous run in " + agent + ": " + e.getMessage(), e);
    }
  }

  private static Optional<IssuedRecord> record(Path pristine, Path onDisk) throws IOException {
    Matcher name = NAME.matcher(pristine.getFileName().toString());
    Optional<String> issued = text(pristine);
    if (!name.matches() || issued.isEmpty()) {
      return Optional.empty();
    }
    Matcher title = TITLE.matcher(issued.get());
    Matcher origin = ORIGIN.matcher(issued.get());
    if (!title.find() || !origin.find()) {
      return Optional.empty();
    }
    return Optional.of(new IssuedRecord(name.group(1), name.group(0), name.group(2), title.group(1).strip(),
        origin.group(1), issued.get(), text(onDisk).orElse(null)));
  }

  private static Optional<String> text(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > LIMIT) {
      return Optional.empty();
    }
    return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }
}
