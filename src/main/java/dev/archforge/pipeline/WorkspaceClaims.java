package dev.archforge.pipeline;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The workspaces roots that the runs of one invocation write, each claimed by one requirements
 * file: a batch never lets two inputs write the same workspace. Inputs claim in the order they
 * were given, even when their runs overlap: the earlier input wins, as in a run one after the other.
 */
public final class WorkspaceClaims {
  private final Map<Path, Path> owners = new HashMap<>();
  /** The positions of the inputs that claimed their workspace or will claim none. */
  private final BitSet settled = new BitSet();

  /** The claims of the input at {@code position} (from 0) of the invocation. */
  public Turn turn(int position) {
    return new Turn(position);
  }

  /** One input's claims. */
  public final class Turn {
    private final int position;

    private Turn(int position) {
      this.position = position;
    }

    /**
     * Claims {@code root} for {@code input} once every earlier input has claimed its own or
     * ended; refused (bad input) when an earlier input claimed it.
     */
    public void claim(Path root, Path input) {
      synchronized (WorkspaceClaims.this) {
        while (settled.nextClearBit(0) < position) {
          try {
            WorkspaceClaims.this.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an earlier input's claim", e);
          }
        }
        Path key = root.toAbsolutePath().normalize();
        Path owner = owners.putIfAbsent(key, input.toAbsolutePath().normalize());
        end();
        if (owner != null && !owner.equals(input.toAbsolutePath().normalize())) {
          throw new ArchforgeException(ExitCode.BAD_INPUT, input + ": its workspace " + root + " is also that of "
              + owner + ", an earlier input of this run; nothing was written for it (give each project its own "
              + "name, or -o DIR to write DIR/<project name>/)");
        }
      }
    }

    /** This input claims nothing more: later inputs need not wait for it. */
    public void end() {
      synchronized (WorkspaceClaims.this) {
        settled.set(position);
        WorkspaceClaims.this.notifyAll();
      }
    }
  }
}
