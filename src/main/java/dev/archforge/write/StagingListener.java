package dev.archforge.write;

import java.io.IOException;

/** Hooks into a commit so that tests can make it fail at a chosen point, as a crash would. */
interface StagingListener {
  StagingListener NONE = path -> {};

  /**
   * Called for each file placed in the staging folder: a link as it is made, the written files once
   * all of them are on the device.
   */
  void fileStaged(String path) throws IOException;

  /** Called between the two renames of the swap: the agent folder is aside, staging not yet in place. */
  default void movedAside() throws IOException {}

  /** Called after the swap, before {@code SHARED_PROGRESS.md} is written. */
  default void swapped() throws IOException {}
}
