package dev.archforge.write;

import java.util.List;

/**
 * What a commit would do to one file of the agent folder.
 *
 * @param path relative to the agent folder, forward slashes
 * @param status what happens to it
 * @param reason why, in words for the person; empty when the status says it all
 * @param conflicts for {@link Status#CONFLICT}: the regions of the written file that hold markers
 */
public record FileChange(String path, Status status, String reason, List<Lines> conflicts) {
  public enum Status {
    /** New: not on disk and not in the manifest. */
    WRITTEN,
    /** The generated version changed and nobody had edited the file. */
    UPDATED,
    /** A person edited it and the generated version changed on other lines: both are in the file. */
    MERGED,
    /** The file on disk already has the bytes we would write. */
    UNCHANGED,
    /** A generated file that is no longer produced and was not edited: removed. */
    DELETED,
    /** A person edited it and there is nothing new to bring in, or it is no longer ours: left alone. */
    KEPT,
    /** Not written, by the person's choice: deleted by them (until --restore), ignored or seeded. */
    SKIPPED,
    /** Deleted by the person and brought back on request ({@code --restore}). */
    RESTORED,
    /** A person and the generator changed the same lines: written with conflict markers, exit 4. */
    CONFLICT,
    /** Something a person must move or resolve first is in the way: nothing is written. */
    BLOCKED
  }

  /** Lines {@code from} to {@code to} of a file, counted from 1, both included. */
  public record Lines(int from, int to) {
    @Override
    public String toString() {
      return from + "-" + to;
    }
  }

  public FileChange {
    conflicts = List.copyOf(conflicts);
  }

  public FileChange(String path, Status status, String reason) {
    this(path, status, reason, List.of());
  }
}
