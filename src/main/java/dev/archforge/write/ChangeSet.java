package dev.archforge.write;

import dev.archforge.model.Artifact;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of {@link WorkspaceWriter#preview}: one change per file, sorted by path, and what a
 * commit needs to carry it out.
 *
 * @param files one entry per generated file and per formerly generated file, sorted by path
 * @param artifacts the rendered files this change set was computed for
 * @param run the run to record in the manifest
 * @param metadataChanged whether the manifest, the normalised input or a pristine copy would change
 * @param hashes the SHA-256 of each rendered file by path, hashed once for the manifest, the commit
 *     and the run cache; empty when the change set was answered from the run cache (nothing to write)
 */
public record ChangeSet(List<FileChange> files, List<Artifact> artifacts, RunRecord run, boolean metadataChanged,
    SortedMap<String, String> hashes) {
  public ChangeSet {
    files = List.copyOf(files);
    artifacts = List.copyOf(artifacts);
    hashes = Collections.unmodifiableSortedMap(new TreeMap<>(hashes));
  }

  /** The manifest this change set records. */
  Manifest manifest() {
    return new Manifest(run.toolVersion(), run.inputSha256(), hashes);
  }

  public boolean hasConflicts() {
    return files.stream().anyMatch(f -> f.status() == FileChange.Status.CONFLICT);
  }

  /** Nothing to write: every file is unchanged or kept, and the metadata would be byte-identical. */
  public boolean isNoOp() {
    return !metadataChanged
        && files.stream().allMatch(f -> f.status() == FileChange.Status.UNCHANGED || f.status() == FileChange.Status.KEPT);
  }

  public List<FileChange> withStatus(FileChange.Status status) {
    return files.stream().filter(f -> f.status() == status).toList();
  }

  public long count(FileChange.Status status) {
    return files.stream().filter(f -> f.status() == status).count();
  }
}
