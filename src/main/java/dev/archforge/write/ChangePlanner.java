package dev.archforge.write;

import dev.archforge.model.Artifact;
import dev.archforge.write.FileChange.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Compares the rendered files with the agent folder and its manifest; reads only. */
final class ChangePlanner {
  private final Layout layout;

  ChangePlanner(Layout layout) {
    this.layout = layout;
  }

  ChangeSet plan(List<Artifact> artifacts, RunRecord run) throws IOException {
    SortedMap<String, byte[]> next = generated(artifacts);
    AgentTree tree = AgentTree.scan(layout.agent());
    Manifest old = Manifest.parse(Disk.readIfPresent(layout.inAgent(Layout.MANIFEST)), Layout.MANIFEST);

    List<FileChange> changes = new ArrayList<>();
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
      changes.add(classify(entry.getKey(), entry.getValue(), tree, old, deleting));
    }
    changes.sort(Comparator.comparing(FileChange::path));
    Manifest manifest = Manifest.of(run, next);
    return new ChangeSet(changes, artifacts, run, metadataChanged(manifest, run, next, tree), manifest.files());
  }

  /** The rendered bytes by path; rejects paths the writer keeps for itself or that collide. */
  static SortedMap<String, byte[]> generated(List<Artifact> artifacts) {
    SortedMap<String, byte[]> next = new TreeMap<>();
    for (Artifact artifact : artifacts) {
      String path = artifact.path();
      if (path.equals(Layout.PROGRESS)) {
        throw new IllegalArgumentException(Layout.PROGRESS + " is the work log, not an artifact");
      }
      if (next.put(path, artifact.bytes()) != null) {
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

  private FileChange classify(String path, byte[] bytes, AgentTree tree, Manifest old, Set<String> deleting)
      throws IOException {
    String blocker = blockingFile(path, tree, deleting);
    if (blocker != null) {
      return new FileChange(path, Status.CONFLICT,
          blocker + " is a file where a folder is needed; move it away, then run again");
    }
    if (tree.isDir(path)) {
      return new FileChange(path, Status.CONFLICT, "a folder is in the way; move it away, then run again");
    }
    String recorded = old.sha(path);
    if (!tree.isFile(path)) {
      return recorded == null
          ? new FileChange(path, Status.WRITTEN, "new")
          : new FileChange(path, Status.RESTORED, "generated last time and deleted since; recreated");
    }
    byte[] current = Disk.readIfPresent(layout.inAgent(path));
    if (Arrays.equals(current, bytes)) {
      return unchanged(path);
    }
    if (recorded == null) {
      return new FileChange(path, Status.CONFLICT,
          "a file archforge did not write is in the way; move it away, then run again");
    }
    if (Sha256.hex(current).equals(recorded)) {
      return new FileChange(path, Status.UPDATED, "the generated version changed; you had not edited it");
    }
    if (Sha256.hex(bytes).equals(recorded)) {
      return keptEdit(path);
    }
    return new FileChange(path, Status.CONFLICT, "you edited it and the generated version changed; the"
        + " previous generated version is " + Layout.PRISTINE + path);
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

  private boolean metadataChanged(Manifest manifest, RunRecord run, SortedMap<String, byte[]> next, AgentTree tree)
      throws IOException {
    if (!sameAsDisk(tree, Layout.MANIFEST, manifest.toJson())
        || !sameAsDisk(tree, Layout.NORMALIZED, run.normalizedInput().getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    for (Map.Entry<String, byte[]> entry : next.entrySet()) {
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
        .anyMatch(f -> f.startsWith(Layout.PRISTINE) && !next.containsKey(f.substring(Layout.PRISTINE.length()))
            || f.startsWith(Layout.SCHEMAS) && !schemas.containsKey(f));
  }

  private boolean sameAsDisk(AgentTree tree, String path, byte[] bytes) throws IOException {
    return tree.isFile(path) && Arrays.equals(Disk.readIfPresent(layout.inAgent(path)), bytes);
  }
}
