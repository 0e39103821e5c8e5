package dev.archforge.write;

import dev.archforge.model.Artifact;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outcome of {@link WorkspaceWriter#preview}: one change per file, sorted by path, and what a
 * commit needs to carry it out.
 *
 * @param files one entry per generated file and per formerly generated file, sorted by path
 * @param artifacts the rendered files this change set was computed for
 * @param run the run to record in the manifest
 * @param metadataChanged whether the manifest, the normalised input or a pristine copy would change
 * @param hashes the SHA-256 of each file's pristine copy (the generated version the file on disk
 *     stands for) by path, for the manifest, the commit and the run cache; empty when the change set
 *     was answered from the run cache (nothing to write)
 * @param merged the bytes to write for files merged with a person's edits (with markers where they conflict)
 * @param deleted generated files a person deleted, kept deleted (tombstones)
 * @param conflicts the files written with conflict markers
 * @param seeded the pristine copies that are not the generated file: a seeded file keeps the version
 *     written first; every other pristine copy is the rendered file
 */
public record ChangeSet(List<FileChange> files, List<Artifact> artifacts, RunRecord run, boolean metadataChanged,
    SortedMap<String, String> hashes, SortedMap<String, Bytes> merged, SortedSet<String> deleted,
    SortedSet<String> conflicts, SortedMap<String, Bytes> seeded) {
  /** Statuses that leave the file on disk as it is. */
  static final Set<FileChange.Status> LEFT_ALONE =
      EnumSet.of(FileChange.Status.UNCHANGED, FileChange.Status.KEPT, FileChange.Status.SKIPPED);

  /** File contents compared by value. */
  public record Bytes(byte[] value) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return value.length + " bytes";
    }
  }

  public ChangeSet {
    files = List.copyOf(files);
    artifacts = List.copyOf(artifacts);
    hashes = Collections.unmodifiableSortedMap(new TreeMap<>(hashes));
    merged = Collections.unmodifiableSortedMap(new TreeMap<>(merged));
    deleted = Collections.unmodifiableSortedSet(new TreeSet<>(deleted));
    conflicts = Collections.unmodifiableSortedSet(new TreeSet<>(conflicts));
    seeded = Collections.unmodifiableSortedMap(new TreeMap<>(seeded));
  }

  public ChangeSet(List<FileChange> files, List<Artifact> artifacts, RunRecord run, boolean metadataChanged,
      SortedMap<String, String> hashes) {
    this(files, artifacts, run, metadataChanged, hashes, new TreeMap<>(), new TreeSet<>(), new TreeSet<>(), new TreeMap<>());
  }

  /** The same outcome without the files' contents: what a batch keeps to report once every input has run. */
  public ChangeSet withoutContents() {
    return new ChangeSet(files, List.of(), run, metadataChanged, hashes, new TreeMap<>(), deleted, conflicts,
        new TreeMap<>());
  }

  /** The manifest this change set records. */
  Manifest manifest() {
    return new Manifest(run.toolVersion(), run.inputSha256(), hashes, deleted, conflicts);
  }

  /** Files written with conflict markers: the run is committed, then asks a person to resolve them. */
  public boolean hasConflicts() {
    return files.stream().anyMatch(f -> f.status() == FileChange.Status.CONFLICT);
  }

  /** Something is in the way of the whole run: nothing may be written. */
  public boolean isBlocked() {
    return files.stream().anyMatch(f -> f.status() == FileChange.Status.BLOCKED);
  }

  /** Nothing to write: every file is left as it is, and the metadata would be byte-identical. */
  public boolean isNoOp() {
    return !metadataChanged && files.stream().allMatch(f -> LEFT_ALONE.contains(f.status()));
  }

  public List<FileChange> withStatus(FileChange.Status status) {
    return files.stream().filter(f -> f.status() == status).toList();
  }

  public long count(FileChange.Status status) {
    return files.stream().filter(f -> f.status() == status).count();
  }
}
