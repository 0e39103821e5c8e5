package dev.archforge.deliverable.containers;

import java.util.List;

/**
 * What one AWS SAM template shows: the functions of one region (the plan's primary one, or a cell's).
 *
 * @param project the project's name
 * @param dir the folder the template is written to
 * @param cell the cell's jurisdiction under {@code dataResidency}; empty otherwise
 */
public record SamView(String project, String dir, String region, String cell, List<FunctionView> functions) {
  public SamView {
    functions = List.copyOf(functions);
  }
}
