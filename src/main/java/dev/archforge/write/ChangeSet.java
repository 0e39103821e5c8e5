package dev.archforge.write;

import dev.archforge.model.Artifact;
import java.util.List;

/**
 * The outcome of {@link WorkspaceWriter#preview}: one change per file, sorted by path, and what a
 * commit needs to carry it out.
 *
 * @param files one entry per generated file and per formerly generated file, sorted by path
 * @param artifacts the rendered files this change set was computed for
 * @param run the run to record in the manifest
 * @param metadataChanged whether the manifest, the normalised input or a pristine copy would change
 */
public record ChangeSet(List<FileChange> files, List<Artifact> artifacts, RunRecord run, boolean metadataChanged) {
  public ChangeSet {
    files = List.copyOf(files);
    artifacts = List.copyOf(artifacts);
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
