package dev.archforge.load;

import dev.archforge.model.OtherAgents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the other agents' folders beside ours under a workspaces root: every folder but ours and
 * hidden ones is an agent; its PROGRESS.md gives its last reported state, its text files are read
 * for the names they use. Links are not followed; dependency and build folders ({@code
 * node_modules}, {@code target} …), hidden folders and hidden files ({@code .env}) are skipped; a file over 1 MiB, one that is not
 * UTF-8 text, and files beyond 2,000 an agent or 16 MiB in all are counted as omitted, not read.
 */
public final class OtherAgentsReader {
  static final int MAX_FILE_BYTES = 1024 * 1024;
  static final int MAX_FILES_PER_AGENT = 2_000;
  static final long MAX_TOTAL_BYTES = 16L * 1024 * 1024;
  private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist", "vendor", "venv",
      "__pycache__", "bin", "obj", "out", "coverage");

  private OtherAgentsReader() {}

  /** The agents under {@code root} other than {@code ours}, by name; none when the root does not exist. */
  public static OtherAgents read(Path root, String ours) {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return OtherAgents.NONE;
    }
    List<Path> folders = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.equals(ours) && !name.startsWith(".") && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          folders.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the workspaces root " + root + ": " + e.getMessage(), e);
    }
    folders.sort(null);
    long[] budget = {MAX_TOTAL_BYTES};
    List<OtherAgents.Agent> agents = new ArrayList<>();
    for (Path folder : folders) {
      agents.add(agent(root, folder, budget));
    }
    return new OtherAgents(agents);
  }

  /**
   * SHA-256 of what {@link #read} returns for this root: the run cache's witness that the other
   * agents' work did not change since a run.
   */
  public static String fingerprint(Path root, String ours) {
    return fingerprint(read(root, ours));
  }

  /** SHA-256 of agents already read. */
  public static String fingerprint(OtherAgents others) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    for (OtherAgents.Agent agent : others.agents()) {
      List<String> fields = new ArrayList<>(List.of(agent.name(), agent.lastState(), Integer.toString(agent.omitted())));
      agent.files().forEach(f -> fields.addAll(List.of(f.path(), f.text())));
      for (String field : fields) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static OtherAgents.Agent agent(Path root, Path folder, long[] budget) {
    List<Path> paths = files(folder);
    List<OtherAgents.AgentFile> files = new ArrayList<>();
    int omitted = 0;
    for (Path file : paths) {
      Optional<String> text = files.size() < MAX_FILES_PER_AGENT ? text(file, budget) : Optional.empty();
      if (text.isPresent()) {
        files.add(new OtherAgents.AgentFile(root.relativize(file).toString().replace('\\', '/'), text.get()));
      } else {
        omitted++;
      }
    }
    String progress = files.stream().filter(f -> f.path().equals(folder.getFileName() + "/PROGRESS.md"))
        .map(OtherAgents.AgentFile::text).findFirst().map(OtherAgentsReader::lastState)
        .orElse("no PROGRESS.md");
    return new OtherAgents.Agent(folder.getFileName().toString(), progress, files, omitted);
  }

  /** The regular files under {@code folder}, sorted by path, links and skipped folders left out. */
  private static List<Path> files(Path folder) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName().toString();
          return !dir.equals(folder) && (name.startsWith(".") || SKIPPED.contains(name))
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the agent folder " + folder + ": " + e.getMessage(), e);
    }
    found.sort(null);
    return found;
  }

  /** The file's text when it is small UTF-8 text within the budget; empty otherwise. */
  private static Optional<String> text(Path file, long[] budget) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES || size > budget[0]) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      for (byte b : bytes) {
        if (b == 0) {
          return Optional.empty();
        }
      }
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      budget[0] -= bytes.length;
      return Optional.of(text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The last entry of a PROGRESS.md: its last {@code ## } heading and the first line of text after
   * it; the last line of text when it has no such heading.
   */
  static String lastState(String progress) {
    List<String> lines = progress.lines().map(String::strip).toList();
    int heading = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("## ")) {
        heading = i;
      }
    }
    if (heading < 0) {
      return lines.stream().filter(l -> !l.isEmpty() && !l.startsWith("#")).reduce((a, b) -> b)
          .map(OtherAgentsReader::shortened).orElse("PROGRESS.md has no entries");
    }
    String title = lines.get(heading).substring(3).strip();
    Optional<String> first = lines.subList(heading + 1, lines.size()).stream()
        .filter(l -> !l.isEmpty()).findFirst().filter(l -> !l.startsWith("#"));
    return shortened(first.map(f -> title + ": " + f).orElse(title));
  }

  private static String shortened(String text) {
    return text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }
}
