package dev.archforge.write;

/**
 * What a commit would do to one file of the agent folder.
 *
 * @param path relative to the agent folder, forward slashes
 * @param status what happens to it
 * @param reason why, in words for the person; empty when the status says it all
 */
public record FileChange(String path, Status status, String reason) {
  public enum Status {
    /** New: not on disk and not in the manifest. */
    WRITTEN,
    /** The generated version changed and nobody had edited the file. */
    UPDATED,
    /** The file on disk already has the bytes we would write. */
    UNCHANGED,
    /** A generated file that is no longer produced and was not edited: removed. */
    DELETED,
    /** A person edited it and there is nothing new to bring in, or it is no longer ours: left alone. */
    KEPT,
    /** Generated last time, deleted since: recreated. */
    RESTORED,
    /** A person's version and a new generated version disagree: nothing is written. */
    CONFLICT
  }
}
