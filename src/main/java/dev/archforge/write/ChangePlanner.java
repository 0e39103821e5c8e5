package dev.archforge.write;

import dev.archforge.model.Artifact;
import dev.archforge.model.Ownership;
import dev.archforge.write.FileChange.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares the rendered files with the agent folder, its manifest and its pristine copies (the
 * generated version each file on disk stands for: the merge base); reads only. Per file: untouched
 * by the person → replaced; edited, generated version unchanged → kept; both changed → merged
 * three ways, with conflict markers where both changed the same lines. Ownership and the person's
 * deletions decide before that.
 */
final class ChangePlanner {
  private final Layout layout;
  private final WritePolicy policy;
  private final List<FileChange> changes = new ArrayList<>();
  private final SortedMap<String, byte[]> recorded = new TreeMap<>();
  private final SortedMap<String, ChangeSet.Bytes> merged = new TreeMap<>();
  private final SortedMap<String, ChangeSet.Bytes> seeded = new TreeMap<>();
  private final SortedSet<String> tombstones = new TreeSet<>();
  private final SortedSet<String> conflicts = new TreeSet<>();
  private final Map<String, String> revises = new HashMap<>();

  ChangePlanner(Layout layout, WritePolicy policy) {
    this.layout = layout;
    this.policy = policy;
  }

  ChangeSet plan(List<Artifact> artifacts, RunRecord run) throws IOException {
    SortedMap<String, byte[]> next = generated(artifacts);
    artifacts.stream().filter(a -> a.revises() != null).forEach(a -> revises.put(a.path(), a.revises()));
    AgentTree tree = AgentTree.scan(layout.agent());
    Manifest old = Manifest.parse(Disk.readIfPresent(layout.inAgent(Layout.MANIFEST)), Layout.MANIFEST);

    Set<String> deleting = new HashSet<>();
    for (Map.Entry<String, String> entry : old.files().entrySet()) {
      String path = entry.getKey();
      if (!next.containsKey(path)) {
        FileChange change = stale(path, entry.getValue(), tree);
        changes.add(change);
        if (change.status() == Status.DELETED && tree.isFile(path)) {
          deleting.add(path);
        }
      }
    }
    for (Map.Entry<String, byte[]> entry : next.entrySet()) {
      String path = entry.getKey();
      String blocker = blockingFile(path, tree, deleting);
      if (blocker != null) {
        changes.add(new FileChange(path, Status.BLOCKED,
            blocker + " is a file where a folder is needed; move it away, then run again"));
      } else if (tree.isDir(path)) {
        changes.add(new FileChange(path, Status.BLOCKED, "a folder is in the way; move it away, then run again"));
      } else {
        changes.add(classify(path, entry.getValue(), tree, old));
      }
    }
    changes.sort(Comparator.comparing(FileChange::path));
    Encoded.Hashes known = new Encoded.Hashes(artifacts);
    SortedMap<String, String> hashes = new TreeMap<>(recorded.entrySet().parallelStream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> known.of(e.getValue()))));
    Manifest manifest = new Manifest(run.toolVersion(), run.inputSha256(), hashes, tombstones, conflicts);
    return new ChangeSet(changes, artifacts, run, metadataChanged(manifest, run, tree), hashes, merged, tombstones,
        conflicts, seeded);
  }

  /** The rendered bytes by path; rejects paths the writer keeps for itself or that collide. */
  static SortedMap<String, byte[]> generated(List<Artifact> artifacts) {
    SortedMap<String, byte[]> next = new TreeMap<>();
    for (Artifact artifact : artifacts) {
      String path = artifact.path();
      if (path.equals(Layout.PROGRESS)) {
        throw new IllegalArgumentException(Layout.PROGRESS + " is the work log, not an artifact");
      }
      if (next.put(path, Encoded.of(artifact).bytes()) != null) {
        throw new IllegalArgumentException("two artifacts have the path " + path);
      }
    }
    for (String path : next.keySet()) {
      String below = path + "/";
      SortedMap<String, byte[]> tail = next.tailMap(below);
      if (!tail.isEmpty() && tail.firstKey().startsWith(below)) {
        throw new IllegalArgumentException(path + " is both a file and a folder: " + tail.firstKey());
      }
    }
    return next;
  }

  private FileChange stale(String path, String generatedSha, AgentTree tree) throws IOException {
    if (!tree.isFile(path)) {
      return new FileChange(path, Status.DELETED, "no longer generated; already gone");
    }
    if (Sha256.hex(Disk.readIfPresent(layout.inAgent(path))).equals(generatedSha)) {
      return new FileChange(path, Status.DELETED, "no longer generated");
    }
    return new FileChange(path, Status.KEPT, "no longer generated; kept because you edited it");
  }

  private FileChange classify(String path, byte[] bytes, AgentTree tree, Manifest old) throws IOException {
    Ownership.Mode mode = policy.ownership().of(path);
    if (mode == Ownership.Mode.IGNORED) {
      return new FileChange(path, Status.SKIPPED, "ignored (" + policy.ownership().ruleFor(path).orElseThrow().source()
          + "); archforge never writes it");
    }
    String recordedSha = old.sha(path);
    boolean wasDeleted = old.deleted().contains(path);
    if (!tree.isFile(path)) {
      if ((wasDeleted || recordedSha != null) && !policy.restore().contains(path)) {
        tombstones.add(path);
        return new FileChange(path, Status.SKIPPED,
            "you deleted it; it stays deleted until 'archforge generate --restore " + path + "'");
      }
      recorded.put(path, bytes);
      return wasDeleted || recordedSha != null
          ? new FileChange(path, Status.RESTORED, "deleted by you, restored on request")
          : new FileChange(path, Status.WRITTEN, "new");
    }
    byte[] current = Disk.readIfPresent(layout.inAgent(path));
    if (wasDeleted && !policy.restore().contains(path)) {
      tombstones.add(path);
      return new FileChange(path, Status.KEPT, "you deleted the generated file; this one is yours ('archforge generate"
          + " --restore " + path + "' replaces it with the generated one)");
    }
    if (wasDeleted) {
      recorded.put(path, bytes);
      return Arrays.equals(current, bytes) ? unchanged(path) : new FileChange(path, Status.RESTORED, "replaced on request");
    }
    if (old.conflicts().contains(path) && TextMerge.hasMarkers(current)) {
      return new FileChange(path, Status.BLOCKED, "still holds the conflict markers of the last run (lines "
          + TextMerge.markedRegions(current).stream().map(FileChange.Lines::toString).toList()
          + "); resolve them and remove the markers, then run again", TextMerge.markedRegions(current));
    }
    if (mode == Ownership.Mode.SEEDED) {
      return seeded(path, bytes, current, recordedSha);
    }
    if (Arrays.equals(current, bytes)) {
      recorded.put(path, bytes);
      return unchanged(path);
    }
    if (recordedSha != null && revises.containsKey(path)
        && Arrays.equals(current, revises.get(path).getBytes(StandardCharsets.UTF_8))) {
      recorded.put(path, bytes);
      return new FileChange(path, Status.UPDATED, "made from the file as it is; only its status line changed");
    }
    if (recordedSha == null) {
      return new FileChange(path, Status.BLOCKED,
          "a file archforge did not write is in the way; move it away, then run again");
    }
    if (Sha256.hex(current).equals(recordedSha)) {
      recorded.put(path, bytes);
      return new FileChange(path, Status.UPDATED, "the generated version changed; you had not edited it");
    }
    if (mode == Ownership.Mode.MANAGED) {
      return managedEdit(path, bytes);
    }
    if (Sha256.hex(bytes).equals(recordedSha)) {
      recorded.put(path, bytes);
      return keptEdit(path);
    }
    return merge(path, bytes, current, recordedSha);
  }

  private FileChange seeded(String path, byte[] bytes, byte[] current, String recordedSha) throws IOException {
    byte[] pristine = Disk.readIfPresent(layout.inAgent(Layout.PRISTINE + path));
    if (recordedSha != null && pristine != null && Sha256.hex(pristine).equals(recordedSha)) {
      recorded.put(path, pristine);
      seeded.put(path, new ChangeSet.Bytes(pristine));
    }
    return Arrays.equals(current, bytes) ? unchanged(path)
        : new FileChange(path, Status.KEPT, "seeded: written once, yours since");
  }

  private FileChange managedEdit(String path, byte[] bytes) {
    String rule = policy.ownership().ruleFor(path).orElseThrow().source();
    if (policy.force()) {
      recorded.put(path, bytes);
      return new FileChange(path, Status.UPDATED, "managed (" + rule + "): your edit was overwritten (--force)");
    }
    return new FileChange(path, Status.BLOCKED, "managed (" + rule + "): archforge regenerates it and you edited it;"
        + " run with --force to overwrite your edit, or make it merged in .archforge/ownership.yaml");
  }

  private FileChange merge(String path, byte[] bytes, byte[] current, String recordedSha) throws IOException {
    byte[] base = Disk.readIfPresent(layout.inAgent(Layout.PRISTINE + path));
    if (base == null || !Sha256.hex(base).equals(recordedSha)) {
      return new FileChange(path, Status.BLOCKED, "you edited it and the generated version changed, but the previous"
          + " generated version " + Layout.PRISTINE + path + " is missing or changed, so the two cannot be merged;"
          + " move the file away, run again, then bring your edits back");
    }
    TextMerge.Result result = TextMerge.merge(base, current, bytes);
    recorded.put(path, bytes);
    if (!result.clean()) {
      merged.put(path, new ChangeSet.Bytes(result.bytes()));
      conflicts.add(path);
      return new FileChange(path, Status.CONFLICT, "you and the generator changed the same lines; resolve the marked"
          + " regions (lines " + result.conflicts().stream().map(FileChange.Lines::toString).toList() + ")",
          result.conflicts());
    }
    if (Arrays.equals(result.bytes(), current)) {
      return new FileChange(path, Status.KEPT, "you edited it; your version already holds the generated change");
    }
    merged.put(path, new ChangeSet.Bytes(result.bytes()));
    return new FileChange(path, Status.MERGED, "your edits and the new generated version, merged");
  }

  static FileChange unchanged(String path) {
    return new FileChange(path, Status.UNCHANGED, "");
  }

  static FileChange keptEdit(String path) {
    return new FileChange(path, Status.KEPT, "you edited it; the generated version did not change");
  }

  /** An ancestor of {@code path} that is a file and stays one, or null. */
  private static String blockingFile(String path, AgentTree tree, Set<String> deleting) {
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      String ancestor = path.substring(0, slash);
      if (tree.isFile(ancestor) && !deleting.contains(ancestor)) {
        return ancestor;
      }
    }
    return null;
  }

  private boolean metadataChanged(Manifest manifest, RunRecord run, AgentTree tree) throws IOException {
    if (!sameAsDisk(tree, Layout.MANIFEST, manifest.toJson())
        || !sameAsDisk(tree, Layout.NORMALIZED, run.normalizedInput().getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    for (Map.Entry<String, byte[]> entry : recorded.entrySet()) {
      if (!sameAsDisk(tree, Layout.PRISTINE + entry.getKey(), entry.getValue())) {
        return true;
      }
    }
    SortedMap<String, String> schemas = run.schemaFiles();
    for (Map.Entry<String, String> entry : schemas.entrySet()) {
      if (!sameAsDisk(tree, entry.getKey(), entry.getValue().getBytes(StandardCharsets.UTF_8))) {
        return true;
      }
    }
    return tree.files().stream()
        .anyMatch(f -> f.startsWith(Layout.PRISTINE) && !recorded.containsKey(f.substring(Layout.PRISTINE.length()))
            || f.startsWith(Layout.SCHEMAS) && !schemas.containsKey(f));
  }

  private boolean sameAsDisk(AgentTree tree, String path, byte[] bytes) throws IOException {
    return tree.isFile(path) && Arrays.equals(Disk.readIfPresent(layout.inAgent(path)), bytes);
  }
}
