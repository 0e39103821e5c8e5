package dev.archforge.deliverable.migrations;

import dev.archforge.facts.Facts;
import dev.archforge.facts.schema.Dialect;
import dev.archforge.facts.schema.Schema;
import dev.archforge.facts.schema.SqlNames;
import dev.archforge.facts.schema.Table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.architecture.ArchitectureDeliverable;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.model.Artifact;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import dev.archforge.render.TemplateRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ERD of each service in ARCHITECTURE.md shows exactly the tables the migration creates: one
 * box per table (an entity's box is named after the entity or its table, a join table's after
 * both sides), the same columns, and the same primary, foreign and unique keys.
 */
class ErdMatchesTablesTest {
  private static final Pattern SECTION = Pattern.compile("(?m)^### Data of (\\S+)\\s*$");
  private static final Pattern BOX = Pattern.compile("^\\s*\"?([A-Za-z][A-Za-z0-9_]*)\"?\\s*\\{\\s*$");
  private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*(\\S+)\\s+([A-Za-z_][A-Za-z0-9_]*)((?:\\s+(?:PK|FK|UK),?)*)");

  static Stream<MigrationPlans.Named> plans() {
    return Stream.concat(MigrationPlans.all("postgresql").stream(), MigrationPlans.all("mysql").stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void eachServicesErdShowsItsTables(MigrationPlans.Named named) {
    Plan plan = named.plan();
    Map<String, Map<String, Box>> erds = erds(architecture(plan));
    Dialect dialect = MigrationsDeliverable.dialect(plan).orElseThrow();
    for (Service s : MigrationsDeliverable.owners(plan)) {
      Schema schema = MigrationsDeliverable.schema(plan, s, dialect);
      assertThat(erds).as("ARCHITECTURE.md has an ERD for " + s.name()).containsKey(s.name());
      assertThat(describe(erds.get(s.name()))).as(s.name()).isEqualTo(describe(schema));
    }
  }

  /** One box: its columns and each column's keys. */
  record Box(Map<String, Set<String>> columns) {}

  private static String architecture(Plan plan) {
    List<Artifact> artifacts = new ArchitectureDeliverable().contribute(Facts.of(plan), new TemplateRenderer(List.of()));
    return artifacts.stream().filter(a -> a.path().equals("ARCHITECTURE.md")).findFirst().orElseThrow().content();
  }

  /** Service → box name → box, from each "Data of" section's erDiagram. */
  static Map<String, Map<String, Box>> erds(String markdown) {
    Map<String, Map<String, Box>> erds = new TreeMap<>();
    Matcher m = SECTION.matcher(markdown);
    List<int[]> starts = new ArrayList<>();
    List<String> services = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {m.end()});
      services.add(m.group(1));
    }
    for (int i = 0; i < services.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : markdown.length();
      erds.put(services.get(i), boxes(markdown.substring(starts.get(i)[0], end)));
    }
    return erds;
  }

  private static Map<String, Box> boxes(String section) {
    Map<String, Box> boxes = new LinkedHashMap<>();
    String current = null;
    for (String line : section.lines().toList()) {
      Matcher box = BOX.matcher(line);
      if (box.matches()) {
        current = box.group(1);
        boxes.put(current, new Box(new LinkedHashMap<>()));
      } else if (line.strip().equals("}")) {
        current = null;
      } else if (current != null) {
        Matcher a = ATTRIBUTE.matcher(line);
        if (a.find()) {
          Set<String> keys = new TreeSet<>();
          for (String k : a.group(3).split("[,\\s]+")) {
            if (!k.isBlank()) {
              keys.add(k);
            }
          }
          boxes.get(current).columns().put(a.group(2), keys);
        }
      }
    }
    return boxes;
  }

  /** The ERD as text: table name, then each column with its keys, sorted. */
  private static String describe(Map<String, Box> boxes) {
    TreeMap<String, String> tables = new TreeMap<>();
    boxes.forEach((name, box) -> tables.put(name.matches("[a-z0-9_]+") ? name : SqlNames.table(name),
        columns(box.columns())));
    return text(tables);
  }

  private static String describe(Schema schema) {
    TreeMap<String, String> tables = new TreeMap<>();
    for (Table t : schema.tables()) {
      Map<String, Set<String>> columns = new LinkedHashMap<>();
      for (Column c : t.columns()) {
        columns.put(c.name(), new TreeSet<>(t.keys(c.name())));
      }
      tables.put(t.name(), columns(columns));
    }
    return text(tables);
  }

  private static String columns(Map<String, Set<String>> columns) {
    TreeMap<String, Set<String>> sorted = new TreeMap<>(columns);
    StringBuilder text = new StringBuilder();
    sorted.forEach((name, keys) -> text.append("\n  ").append(name).append(keys.isEmpty() ? "" : " " + keys));
    return text.toString();
  }

  private static String text(TreeMap<String, String> tables) {
    StringBuilder text = new StringBuilder();
    tables.forEach((name, columns) -> text.append(name).append(columns).append('\n'));
    return text.toString();
  }
}
