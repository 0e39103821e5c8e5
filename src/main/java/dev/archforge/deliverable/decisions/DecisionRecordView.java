package dev.archforge.deliverable.decisions;

import dev.archforge.model.ApiChange;
import dev.archforge.model.Decision;
import dev.archforge.model.Option;
import java.util.List;

/**
 * What one decision record (MADR) shows.
 *
 * @param number four digits, stable per topic, e.g. {@code 0005}
 * @param status {@code accepted} for the user's decisions, {@code proposed} for drafted ones
 * @param chosen the chosen option, or null when the rules do not describe it
 * @param others the options not chosen, in the blueprint's order
 * @param previous the file name of the record before this one, or null
 * @param next the file name of the record after this one, or null
 * @param supersedes the file name of the record this one replaces, or null
 * @param breakingChanges for the API versioning record: the changes of this run's contracts that break
 *     clients of the previous ones; empty otherwise
 * @param optionCosts for the deployment record: the plan's estimated monthly total under each option
 *     the record lists that the estimate prices; empty otherwise
 */
public record DecisionRecordView(
    String number,
    String project,
    String status,
    Decision decision,
    Option chosen,
    List<Option> others,
    String previous,
    String next,
    String supersedes,
    List<ApiChange> breakingChanges,
    List<OptionCost> optionCosts) {
  public DecisionRecordView {
    others = List.copyOf(others);
    breakingChanges = List.copyOf(breakingChanges);
    optionCosts = List.copyOf(optionCosts);
  }

  /** An option with the plan's monthly total under it, in whole dollars with separators, on a cloud. */
  public record OptionCost(String option, String monthlyUsd, String cloud) {}
}
