package dev.archforge.write;

import dev.archforge.write.FileChange.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the complete next agent folder in a staging folder. Files that stay as they are, and every
 * file a person keeps there, are hard-linked from the current folder (same inode, same modification
 * time); only new and changed files are written, at the end, several at a time, each forced to the
 * device before the swap.
 * The current folder is never touched.
 */
final class Stager {
  private final Layout layout;
  private final StagingListener listener;
  /** The files to write (path in the folder → bytes), in the order staging met them. */
  private final Map<String, byte[]> toWrite = new LinkedHashMap<>();

  Stager(Layout layout, StagingListener listener) {
    this.layout = layout;
    this.listener = listener;
  }

  void stage(ChangeSet changes, byte[] progress, byte[] sharedSection, Path staging) throws IOException {
    SortedMap<String, byte[]> next = ChangePlanner.generated(changes.artifacts());
    Map<String, Status> statuses = new TreeMap<>();
    changes.files().forEach(f -> statuses.put(f.path(), f.status()));
    AgentTree tree = AgentTree.scan(layout.agent());

    Files.createDirectory(staging);
    for (String path : tree.files()) {
      boolean ours = next.containsKey(path) || Layout.isMetadata(path) || path.equals(Layout.PROGRESS);
      // a generated file left alone (kept, ignored, seeded) is linked below with the other generated files
      if (!ours && statuses.get(path) != Status.DELETED) {
        link(path, staging);
      }
    }
    for (Map.Entry<String, byte[]> entry : next.entrySet()) {
      String path = entry.getKey();
      ChangeSet.Bytes merged = changes.merged().get(path);
      if (ChangeSet.LEFT_ALONE.contains(statuses.get(path))) {
        if (tree.isFile(path)) {
          link(path, staging);
        }
      } else {
        write(path, merged != null ? merged.value() : entry.getValue());
      }
    }
    for (String dir : tree.emptyDirs()) {
      if (!Layout.isMetadata(dir + "/")) {
        Files.createDirectories(staging.resolve(dir));
      }
    }
    Manifest manifest = changes.manifest();
    keepOrWrite(Layout.MANIFEST, manifest.toJson(), tree, staging);
    keepOrWrite(Layout.NORMALIZED, changes.run().normalizedInput().getBytes(StandardCharsets.UTF_8), tree, staging);
    for (String path : manifest.files().keySet()) {
      ChangeSet.Bytes seeded = changes.seeded().get(path);
      byte[] bytes = seeded != null ? seeded.value() : next.get(path);
      if (bytes == null) {
        throw new IllegalStateException("the change set records a file it does not hold: " + path);
      }
      keepOrWrite(Layout.PRISTINE + path, bytes, tree, staging);
    }
    for (Map.Entry<String, String> entry : changes.run().schemaFiles().entrySet()) {
      keepOrWrite(entry.getKey(), entry.getValue().getBytes(StandardCharsets.UTF_8), tree, staging);
    }
    keepOrWrite(Layout.SHARED_SECTION, sharedSection, tree, staging);
    write(Layout.PROGRESS, progress);
    Map<Path, byte[]> files = new LinkedHashMap<>();
    toWrite.forEach((path, bytes) -> files.put(staging.resolve(path), bytes));
    Disk.writeNew(files); // all on the device before the swap makes the staged folder the workspace
    for (String path : toWrite.keySet()) {
      listener.fileStaged(path);
    }
  }

  /** Links metadata that has not changed, so that its modification time stays too. */
  private void keepOrWrite(String path, byte[] bytes, AgentTree tree, Path staging) throws IOException {
    if (tree.isFile(path) && Arrays.equals(Disk.readIfPresent(layout.inAgent(path)), bytes)) {
      link(path, staging);
    } else {
      write(path, bytes);
    }
  }

  private void link(String path, Path staging) throws IOException {
    Disk.linkOrCopy(layout.inAgent(path), staging.resolve(path));
    listener.fileStaged(path);
  }

  private void write(String path, byte[] bytes) {
    if (toWrite.putIfAbsent(path, bytes) != null) {
      throw new IllegalStateException("staged twice: " + path);
    }
  }
}
