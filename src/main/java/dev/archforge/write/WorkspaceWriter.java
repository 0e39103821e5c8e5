package dev.archforge.write;

import dev.archforge.model.Artifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The only code that writes to disk. {@link #preview} compares the rendered files with the agent
 * folder ({@code <root>/backend-architect}) and its manifest; {@link #commit} carries the changes
 * out atomically: it builds the whole next folder in a staging folder beside it, swaps the two
 * with renames, and only then updates {@code SHARED_PROGRESS.md}. A run cut short at any point
 * before the swap leaves the folder as it was; the next preview or commit clears what it left. The
 * folder keeps the section it wrote to {@code SHARED_PROGRESS.md}, so that a run cut short after the
 * swap has its section written by the next preview.
 */
public final class WorkspaceWriter {
  /** The agent folder's name under the workspaces root. */
  public static final String AGENT = Layout.AGENT;

  /** How long a run waits for another run writing the same workspaces root. */
  public static final Duration LOCK_WAIT = Duration.ofSeconds(30);

  private final Layout layout;
  private final WritePolicy policy;
  private final StagingListener listener;

  /** @param root the workspaces folder, the {@code -o/--out} option */
  public WorkspaceWriter(Path root) {
    this(root, WritePolicy.DEFAULT);
  }

  /** @param policy ownership of the paths, --force and --restore */
  public WorkspaceWriter(Path root, WritePolicy policy) {
    this(root, policy, StagingListener.NONE);
  }

  WorkspaceWriter(Path root, StagingListener listener) {
    this(root, WritePolicy.DEFAULT, listener);
  }

  WorkspaceWriter(Path root, WritePolicy policy, StagingListener listener) {
    this.layout = new Layout(Objects.requireNonNull(root, "root"));
    this.policy = Objects.requireNonNull(policy, "policy");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * The one-writer lock of this workspaces root, to hold from the preview to the end of the commit:
   * waits up to {@link #LOCK_WAIT} while another run holds it.
   *
   * @throws WriteException when another run kept it longer, or the root cannot hold the lock file
   */
  public WorkspaceLock lock() {
    return WorkspaceLock.take(layout.root(), LOCK_WAIT);
  }

  /**
   * The lock for a run that writes nothing ({@code --dry-run}): taken only where a run has written
   * before, so that its preview never clears another run's staging; creates nothing.
   */
  public WorkspaceLock lockToRead() {
    return WorkspaceLock.take(layout.root(), LOCK_WAIT, false);
  }

  /**
   * What a commit of these files would do. Writes nothing, except that leftovers of a commit cut
   * short are cleared first (see {@link Recovery}).
   *
   * @throws WriteException when the workspace cannot be read, or holds a symbolic link
   */
  public ChangeSet preview(List<Artifact> artifacts, RunRecord run) {
    Objects.requireNonNull(run, "run");
    try {
      checkRoot();
      new Recovery(layout).run();
      return new ChangePlanner(layout, policy).plan(artifacts, run);
    } catch (IOException e) {
      throw new WriteException("cannot read the workspace " + layout.agent() + ": " + e.getMessage(), e);
    }
  }

  /**
   * What a commit of this change set would do to one file, as a unified diff from the file on disk
   * to the bytes the commit writes (empty when it writes none). Reads only.
   */
  public String diff(ChangeSet changes, FileChange file) {
    try {
      byte[] before = Disk.readIfPresent(layout.inAgent(file.path()));
      byte[] after = switch (file.status()) {
        case WRITTEN, UPDATED, RESTORED -> ChangePlanner.generated(changes.artifacts()).get(file.path());
        case MERGED, CONFLICT -> changes.merged().get(file.path()).value();
        case DELETED -> null;
        default -> before;
      };
      return java.util.Arrays.equals(before, after) ? "" : UnifiedDiff.of(file.path(), before, after);
    } catch (IOException e) {
      throw new WriteException("cannot read " + layout.inAgent(file.path()) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a previewed change set. A no-op change set writes nothing at all. Files with conflicts
   * are written with their markers, and the manifest remembers them.
   *
   * @param progressEntry appended to {@code PROGRESS.md}
   * @param sharedSection the body of archforge's section of {@code SHARED_PROGRESS.md}
   * @throws IllegalStateException when something blocks the change set
   * @throws WriteException when the workspace changed since the preview, or a write failed
   */
  public void commit(ChangeSet changes, String progressEntry, String sharedSection) {
    if (changes.isBlocked()) {
      throw new IllegalStateException("refusing to commit a blocked change set: "
          + changes.withStatus(FileChange.Status.BLOCKED).stream().map(FileChange::path).toList());
    }
    if (changes.isNoOp()) {
      return;
    }
    Objects.requireNonNull(progressEntry, "progressEntry");
    Objects.requireNonNull(sharedSection, "sharedSection");
    ChangeSet fresh = preview(changes.artifacts(), changes.run());
    if (!fresh.equals(changes)) {
      throw new WriteException("the workspace " + layout.agent()
          + " changed since the preview; nothing was written, run again");
    }
    byte[] shared;
    String id = UUID.randomUUID().toString();
    try {
      byte[] progress = WorkLogs.appendProgress(Disk.readIfPresent(layout.inAgent(Layout.PROGRESS)), progressEntry);
      byte[] oldShared = Disk.readIfPresent(layout.shared());
      shared = WorkLogs.mergeShared(oldShared, sharedSection);
      if (Arrays.equals(shared, oldShared)) {
        shared = null;
      }
      Files.createDirectories(layout.root());
      Disk.refuseUnremovable(layout.agent(), AgentTree.scan(layout.agent()));
      stageAndSwap(fresh, progress, sharedSection.getBytes(StandardCharsets.UTF_8), id);
      listener.swapped();
    } catch (IOException e) {
      throw new WriteException("nothing was changed in " + layout.agent() + ": " + e.getMessage(), e);
    }
    try {
      Disk.deleteTree(layout.old(id));
    } catch (IOException e) {
      // The new folder is in place; the next preview or commit removes what is left of the old one.
    }
    if (shared != null) {
      writeShared(shared, id);
    }
  }

  private void stageAndSwap(ChangeSet changes, byte[] progress, byte[] sharedSection, String id) throws IOException {
    Path staging = layout.staging(id);
    try {
      new Stager(layout, listener).stage(changes, progress, sharedSection, staging);
      swap(staging, layout.old(id));
    } catch (IOException | RuntimeException e) {
      try {
        Disk.deleteTree(staging);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** Two renames on one file system: the agent folder aside, the staging folder in its place. */
  private void swap(Path staging, Path old) throws IOException {
    Path agent = layout.agent();
    boolean existed = Files.exists(agent, LinkOption.NOFOLLOW_LINKS);
    if (existed) {
      Disk.refuseLink(agent);
      Files.move(agent, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      listener.movedAside();
      Files.move(staging, agent, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      if (existed) {
        try {
          Files.move(old, agent, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException again) {
          e.addSuppressed(again);
        }
      }
      throw e;
    }
  }

  private void writeShared(byte[] shared, String id) {
    Path temp = layout.temp(id);
    try {
      Disk.writeNew(temp, shared);
      Files.move(temp, layout.shared(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw new WriteException(layout.agent() + " was updated, but " + layout.shared()
          + " could not be: " + e.getMessage(), e);
    }
  }

  private void checkRoot() throws IOException {
    Path root = layout.root();
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IOException(root + " is not a folder");
    }
    Disk.refuseLink(layout.shared());
  }
}
