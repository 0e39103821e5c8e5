package dev.archforge.deliverable.architecture;

import dev.archforge.deliverable.architecture.ArchitectureView.Flow;
import dev.archforge.model.Entity;
import dev.archforge.model.Field;
import dev.archforge.model.Operation;
import dev.archforge.model.Requirements;
import java.util.ArrayList;
import java.util.List;

/**
 * A Mermaid {@code stateDiagram-v2} per state machine ({@code states:} of an entity): a created
 * entity starts in the state field's default (or where a collection operation puts it), and each
 * operation is an arrow from each state it starts from to its {@code to}.
 */
final class StateMachines {
  private StateMachines() {}

  static List<Flow> of(Requirements r) {
    List<Flow> list = new ArrayList<>();
    for (Entity e : r.entities()) {
      e.stateField().ifPresent(f -> list.add(new Flow(e.name() + "." + f.name(), summary(e, f), diagram(e, f))));
    }
    return list;
  }

  private static String summary(Entity e, Field f) {
    return "The states of " + e.name() + " (" + String.join(", ", f.values()) + "): " + f.name()
        + " is read-only in every contract, and only these operations change it.";
  }

  static String diagram(Entity e, Field f) {
    List<String> values = f.values();
    StringBuilder sb = new StringBuilder("stateDiagram-v2\n");
    for (int i = 0; i < values.size(); i++) {
      sb.append("  state \"").append(MermaidText.label(values.get(i))).append("\" as ").append(id(i)).append('\n');
    }
    sb.append("  [*] --> ").append(id(values.indexOf(f.defaultValue()))).append(" : create\n");
    for (Operation op : e.operations()) {
      if (op.to() == null) {
        continue;
      }
      String to = id(values.indexOf(op.to()));
      if (op.onCollection()) {
        sb.append("  [*] --> ").append(to).append(" : ").append(MermaidText.label(op.name())).append('\n');
        continue;
      }
      List<String> from = op.from().isEmpty() ? values : op.from();
      for (String state : from) {
        sb.append("  ").append(id(values.indexOf(state))).append(" --> ").append(to).append(" : ")
            .append(MermaidText.label(op.name())).append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }

  private static String id(int index) {
    return MermaidText.id("st", Integer.toString(index));
  }
}
