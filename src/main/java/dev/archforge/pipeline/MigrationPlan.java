package dev.archforge.pipeline;

import java.util.List;

/**
 * The way from what a workspace holds to what the requirements imply, as {@code MIGRATION-PLAN.md}
 * states it: ordered, incremental steps, each with its files, risk, what it unblocks, how to roll it
 * back and the review findings it resolves.
 *
 * @param requirements the requirements file, as named on the command line
 * @param steps in the order to roll them out; empty when the workspace is what the requirements imply
 * @param edited the files a person edited that regenerating merges or marks as conflicts
 * @param blocked the files in the way of regenerating, each with what to do
 * @param unresolved the findings no step resolves (files regenerating does not touch), each {@code path:line: rule — message}
 */
public record MigrationPlan(String requirements, List<Step> steps, List<String> edited, List<String> blocked,
    List<String> unresolved) {
  public MigrationPlan {
    steps = List.copyOf(steps);
    edited = List.copyOf(edited);
    blocked = List.copyOf(blocked);
    unresolved = List.copyOf(unresolved);
  }

  /**
   * One step.
   *
   * @param number 1-based, in order
   * @param title what the step does
   * @param pattern how it is done: expand/contract, strangler, or a plain roll-out
   * @param files what regenerating writes, changes or removes for it ({@code status path})
   * @param details what else to know: the contract changes, the migration statements, the clients
   * @param risk how likely it hurts and why
   * @param unblocks the later steps (or work) that wait for it
   * @param rollback how to undo it
   * @param resolves the review findings it resolves, {@code rule at path:line}
   */
  public record Step(int number, String title, String pattern, List<String> files, List<String> details, String risk,
      String unblocks, String rollback, List<String> resolves) {
    public Step {
      files = List.copyOf(files);
      details = List.copyOf(details);
      resolves = List.copyOf(resolves);
    }
  }

  /**
   * A review finding in the agent folder, for the plan to place.
   *
   * @param path relative to the agent folder
   * @param rule the review rule's id
   */
  public record Finding(String path, int line, String rule, String message) {
    @Override
    public String toString() {
      return path + ":" + Math.max(1, line) + ": " + rule + " — " + message;
    }
  }
}
