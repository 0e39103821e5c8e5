package dev.archforge.cli;

import picocli.CommandLine.Command;

/** {@code archforge check}: {@code plan} without the diffs, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Check whether the workspace is what 'generate' would make: 'plan' without the diffs, for CI.",
        "Writes nothing. Exit codes: 0 up to date, 2 a run would change something, 1 error."})
final class CheckCommand extends PlanCommand {
  @Override
  boolean diffs() {
    return false;
  }
}
