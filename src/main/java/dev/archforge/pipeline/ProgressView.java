package dev.archforge.pipeline;

import java.util.List;

/**
 * What the work-log entry and the shared summary say about one run.
 *
 * @param date ISO date-time of the run (UTC)
 * @param input the requirements file, as named on the command line
 * @param project the project's title
 * @param counts "3 written, 1 updated, 12 unchanged"
 * @param changes one line per file that changed: {@code status path}
 * @param artifacts every file archforge keeps in the agent folder
 * @param openQuestions carried over from CONTEXT.md
 * @param warnings the run's warnings
 * @param inputs the requirement keys that changed since the last run (why)
 * @param decisions the decisions that changed, with their old and new records
 * @param breakingChanges the contract changes that break clients of the previous contracts, one line each
 */
public record ProgressView(String date, String input, String project, String counts, List<String> changes,
    List<String> artifacts, List<String> openQuestions, List<String> warnings, List<String> inputs,
    List<String> decisions, List<String> breakingChanges) {}
