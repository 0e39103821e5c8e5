package dev.archforge.write;

import dev.archforge.model.Artifact;
import dev.archforge.model.NotApplicable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the last run for a workspace generated, kept outside the workspace (a cache folder of this
 * machine, never in the deliverables): the fingerprint of its inputs and the SHA-256 of every file
 * it generated, with its warnings. A run whose inputs have that fingerprint would generate the same
 * files again, so when the workspace still holds exactly them the run has nothing to write and can
 * say so without loading, rendering or validating anything. Anything unexpected — a missing or
 * unreadable entry, another fingerprint, a file changed or missing, leftovers of an interrupted
 * commit — means "not confirmed", and the run takes the full path. Losing the cache costs only time.
 */
public final class RunCache {
  private static final String MAGIC = "archforge run cache";
  private static final int FORMAT = 3;

  /** The person's ownership rules, which a run reads besides the requirements. */
  private static final List<String> OWNERSHIP_FILES = List.of(Layout.META + "ownership.yaml", ".archforgeignore");

  private final Path dir;

  public RunCache(Path dir) {
    this.dir = dir;
  }

  /**
   * The cache folder: {@code ARCHFORGE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/archforge}, else
   * {@code ~/.cache/archforge}; none when {@code ARCHFORGE_CACHE_DIR} is {@code off}.
   */
  public static Optional<RunCache> fromEnvironment(Map<String, String> env) {
    String own = env.get("ARCHFORGE_CACHE_DIR");
    if (own != null && !own.isBlank()) {
      return own.strip().equals("off") ? Optional.empty() : Optional.of(new RunCache(Path.of(own.strip())));
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(new RunCache(Path.of(xdg.strip(), "archforge")));
    }
    String home = env.get("HOME");
    return home == null || home.isBlank() ? Optional.empty() : Optional.of(new RunCache(Path.of(home, ".cache", "archforge")));
  }

  /**
   * One run's record.
   *
   * @param fingerprint the inputs' fingerprint
   * @param blueprintFolders the blueprint folders the run read, in order (their contents are in the fingerprint)
   * @param warnings what the run warned about, to repeat it
   * @param notApplicable the checks across artifacts that had nothing to check, to repeat them
   * @param toolVersion the manifest's tool version
   * @param inputSha256 the manifest's hash of the normalised input
   * @param generated SHA-256 of each generated file, by path
   * @param metadata SHA-256 of the manifest, the normalised input, the ownership files and the decision
 *     records as the run left them, by path; empty for a file that was not there
   */
  public record Entry(String fingerprint, List<String> blueprintFolders, List<String> warnings, String toolVersion,
      String inputSha256, SortedMap<String, String> generated, SortedMap<String, String> metadata,
      List<NotApplicable> notApplicable) {}

  /** The entry for a workspaces root, if one was recorded and can be read. */
  public Optional<Entry> read(Path root) {
    try {
      byte[] bytes = Disk.readIfPresent(file(root));
      return bytes == null ? Optional.empty() : Optional.of(decode(bytes));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Records what a run with this fingerprint generates. Best effort: a cache that cannot be
   * written only makes the next run slower.
   */
  public void remember(Path root, String fingerprint, List<String> blueprintFolders, ChangeSet changes,
      List<String> warnings, List<NotApplicable> notApplicable) {
    SortedMap<String, String> generated = changes.hashes();
    SortedMap<String, String> metadata = new TreeMap<>();
    metadata.put(Layout.MANIFEST, Sha256.hex(changes.manifest().toJson()));
    metadata.put(Layout.NORMALIZED, Sha256.hex(changes.run().normalizedInput().getBytes(StandardCharsets.UTF_8)));
    changes.run().schemaFiles().forEach((path, json) -> metadata.put(path, Sha256.hex(json.getBytes(StandardCharsets.UTF_8))));
    try {
      // what the next run reads besides the requirements: the ownership rules and the decision
      // records (their statuses); a change to either takes the full path
      Layout layout = new Layout(root);
      for (String path : OWNERSHIP_FILES) {
        metadata.put(path, shaOrAbsent(layout, path));
      }
      for (FileChange file : changes.files()) {
        if (file.path().startsWith(Layout.DECISIONS)) {
          metadata.put(file.path(), shaOrAbsent(layout, file.path()));
        }
      }
    } catch (IOException e) {
      return;
    }
    Entry entry = new Entry(fingerprint, blueprintFolders, warnings, changes.run().toolVersion(),
        changes.run().inputSha256(), generated, metadata, notApplicable);
    Path temp = dir.resolve(UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(dir);
      Path target = file(root);
      Disk.writeNew(temp, encode(entry));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // a stray temporary file in a cache folder harms nothing
      }
    }
  }

  /**
   * The change set of a run with the entry's inputs, when the workspace holds exactly what that run
   * generated (files a person edited since are {@code kept}, as a full run would report them); empty
   * when anything differs. Reads only. The change set carries no artifacts: nothing was rendered.
   */
  public Optional<ChangeSet> confirm(Path root, Entry entry) {
    try {
      Layout layout = new Layout(root);
      if (!Files.isDirectory(root) || interrupted(root)) {
        return Optional.empty();
      }
      Disk.refuseLink(layout.shared());
      AgentTree tree = AgentTree.scan(layout.agent());
      for (Map.Entry<String, String> meta : entry.metadata().entrySet()) {
        if (!sameFile(layout, tree, meta.getKey(), meta.getValue())) {
          return Optional.empty();
        }
      }
      SortedMap<String, String> schemas = new TreeMap<>();
      for (String file : tree.files().stream().filter(f -> f.startsWith(Layout.SCHEMAS)).toList()) {
        if (!entry.metadata().containsKey(file)) {
          return Optional.empty();
        }
        schemas.put(file.substring(Layout.SCHEMAS.length(), file.length() - ".json".length()),
            new String(Disk.readIfPresent(layout.inAgent(file)), StandardCharsets.UTF_8));
      }
      List<String> pristine = tree.files().stream().filter(f -> f.startsWith(Layout.PRISTINE))
          .map(f -> f.substring(Layout.PRISTINE.length())).toList();
      if (!pristine.equals(List.copyOf(entry.generated().keySet()))) {
        return Optional.empty();
      }
      List<FileChange> changes = new ArrayList<>();
      for (Map.Entry<String, String> file : entry.generated().entrySet()) {
        String path = file.getKey();
        if (!tree.isFile(path) || !sameFile(layout, tree, Layout.PRISTINE + path, file.getValue())) {
          return Optional.empty();
        }
        changes.add(sameFile(layout, tree, path, file.getValue()) ? ChangePlanner.unchanged(path)
            : ChangePlanner.keptEdit(path));
      }
      String normalized = new String(Disk.readIfPresent(layout.inAgent(Layout.NORMALIZED)), StandardCharsets.UTF_8);
      RunRecord run = new RunRecord(entry.toolVersion(), entry.inputSha256(), normalized, schemas);
      return Optional.of(new ChangeSet(changes, List.<Artifact>of(), run, false, new TreeMap<>()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the file has this hash; an empty hash stands for no file. */
  private static boolean sameFile(Layout layout, AgentTree tree, String path, String sha) throws IOException {
    if (sha.isEmpty()) {
      return !tree.isFile(path);
    }
    return tree.isFile(path) && Sha256.hex(Disk.readIfPresent(layout.inAgent(path))).equals(sha);
  }

  private static String shaOrAbsent(Layout layout, String path) throws IOException {
    byte[] bytes = Disk.readIfPresent(layout.inAgent(path));
    return bytes == null ? "" : Sha256.hex(bytes);
  }

  /** Whether a commit was cut short here; the full path's recovery deals with it. */
  private static boolean interrupted(Path root) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, ".archforge-*")) {
      return entries.iterator().hasNext();
    }
  }

  /** One file per workspaces root, named by the SHA-256 of its real path. */
  private Path file(Path root) throws IOException {
    Path real = Files.isDirectory(root) ? root.toRealPath() : root.toAbsolutePath().normalize();
    return dir.resolve(Sha256.hex(real.toString().getBytes(StandardCharsets.UTF_8)) + ".run");
  }

  private static byte[] encode(Entry entry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeInt(FORMAT);
      out.writeUTF(entry.fingerprint());
      strings(out, entry.blueprintFolders());
      strings(out, entry.warnings());
      out.writeUTF(entry.toolVersion());
      out.writeUTF(entry.inputSha256());
      map(out, entry.generated());
      map(out, entry.metadata());
      out.writeInt(entry.notApplicable().size());
      for (NotApplicable n : entry.notApplicable()) {
        out.writeUTF(n.rule());
        out.writeUTF(n.reason());
      }
    }
    return bytes.toByteArray();
  }

  private static Entry decode(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT) {
        throw new IOException("not a run cache entry of format " + FORMAT);
      }
      Entry entry = new Entry(in.readUTF(), strings(in), strings(in), in.readUTF(), in.readUTF(), map(in), map(in),
          notApplicable(in));
      if (in.read() != -1) {
        throw new IOException("trailing bytes");
      }
      return entry;
    }
  }

  private static void strings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      out.writeUTF(s);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(in.readUTF());
    }
    return List.copyOf(list);
  }

  private static List<NotApplicable> notApplicable(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<NotApplicable> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new NotApplicable(in.readUTF(), in.readUTF()));
    }
    return List.copyOf(list);
  }

  private static void map(DataOutputStream out, SortedMap<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  private static SortedMap<String, String> map(DataInputStream in) throws IOException {
    int n = in.readInt();
    SortedMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      map.put(in.readUTF(), in.readUTF());
    }
    return map;
  }
}
