package dev.archforge.cli;

import dev.archforge.model.Decision;
import dev.archforge.model.Driver;
import dev.archforge.model.Option;
import dev.archforge.model.Plan;
import dev.archforge.model.RuleTrace;
import java.io.PrintWriter;

/** {@code archforge decide} and {@code explain} for people: a table, and one decision's reasoning. */
final class PlanText {
  private static final int WHY = 72;

  private PlanText() {}

  static void table(Plan plan, PrintWriter out) {
    out.printf("%-19s %-33s %-6s %s%n", "TOPIC", "CHOICE", "BY", "WHY");
    for (Decision d : plan.decisions()) {
      out.printf("%-19s %-33s %-6s %s%n", d.topic(), d.choice(), d.origin(), shorten(why(d)));
    }
    out.println();
    plan.capacity().figure("peakRps").ifPresent(f -> out.println("Peak: " + f.shown() + " " + f.unit()
        + "; cost: about $" + Driver.number(Math.round(plan.cost().totalUsd())) + "/month on " + plan.cost().cloud()
        + (plan.cost().budgetUsd() == null ? " (no budget given)"
            : plan.cost().overBudget() ? " — over the budget of $" + Driver.number(plan.cost().budgetUsd())
            : " — within the budget of $" + Driver.number(plan.cost().budgetUsd()))));
    if (!plan.openQuestions().isEmpty()) {
      out.println(plan.openQuestions().size() + " open question(s); see 'archforge decide --json' or CONTEXT.md.");
    }
    out.println("Reasoning of one topic: archforge explain FILE TOPIC");
  }

  private static String why(Decision d) {
    return d.isUsers() && d.reasons().size() > 1 ? d.reasons().get(1) : d.summary();
  }

  private static String shorten(String text) {
    return text.length() <= WHY ? text : text.substring(0, WHY - 1).stripTrailing() + "…";
  }

  static void explain(Decision d, PrintWriter out) {
    out.println(d.title() + " (" + d.topic() + "): " + d.choice() + "  — decided by " + d.origin()
        + (d.isUsers() ? "" : ", rule " + d.rule()));
    if (!d.question().isBlank()) {
      out.println(d.question());
    }
    section(out, "Why");
    d.reasons().forEach(r -> out.println("  - " + r));
    section(out, "Driven by");
    d.drivenBy().forEach(v -> out.println("  - " + v));
    section(out, "Rules tried, in order");
    for (RuleTrace t : d.trace()) {
      out.println("  " + (t.held() ? "✓ " : "✗ ") + t.rule() + " → " + t.choice() + "   (" + t.source() + ")");
      out.println("      when: " + t.condition());
      if (!t.values().isEmpty()) {
        out.println("      with: " + String.join(", ", t.values().stream().map(Driver::toString).toList()));
      }
      t.failed().forEach(f -> out.println("      not met: " + f));
    }
    section(out, "Options considered");
    for (Option o : d.options()) {
      out.println("  " + (o.name().equals(d.choice()) ? "* " : "  ") + o.name() + " — " + o.summary());
      o.pros().forEach(p -> out.println("      + " + p));
      o.cons().forEach(c -> out.println("      - " + c));
    }
    if (!d.consequences().isEmpty()) {
      section(out, "Consequences");
      d.consequences().forEach(c -> out.println("  - " + c));
    }
  }

  private static void section(PrintWriter out, String title) {
    out.println();
    out.println(title + ":");
  }
}
