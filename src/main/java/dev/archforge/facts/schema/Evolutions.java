package dev.archforge.facts.schema;

import dev.archforge.model.Plan;
import dev.archforge.model.SchemaHistory;
import dev.archforge.model.Service;
import dev.archforge.render.RenderException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evolution of every service database of a run: the requirements' tables against the snapshot
 * the last run kept, per service. Built once per run ({@code Facts.schemas().evolutions()}), so the
 * migrations deliverable, the consent gate and the run's report read the same changes.
 */
public final class Evolutions {
  /** Availability from which renames and type changes are written as expand/contract. */
  public static final double EXPAND_CONTRACT_FROM = 99.9;
  private static final Pattern VERSION = Pattern.compile("V(\\d+)__[^/]*\\.sql");
  private static final int SLUG_LENGTH = 60;

  private final List<Evolution> all;

  Evolutions(Plan plan, Schemas schemas, SchemaHistory history) {
    List<Evolution> list = new ArrayList<>();
    Optional<Dialect> dialect = schemas.dialect();
    if (dialect.isPresent()) {
      Renames renames = Renames.of(plan.requirements());
      boolean expand = plan.requirements().scale().availability() >= EXPAND_CONTRACT_FROM;
      for (Service s : schemas.owners()) {
        list.add(of(s.name(), schemas.of(s, dialect.get()), history, renames, expand));
      }
    }
    this.all = List.copyOf(list);
  }

  public List<Evolution> all() {
    return all;
  }

  public Optional<Evolution> of(String service) {
    return all.stream().filter(e -> e.service().equals(service)).findFirst();
  }

  private static Evolution of(String service, Schema desired, SchemaHistory history, Renames renames, boolean expand) {
    SortedMap<String, String> existing = history.migrationsOf(service);
    String json = history.snapshots().get(service);
    if (json == null) {
      Evolution.Kind kind = existing.isEmpty() ? Evolution.Kind.FIRST : Evolution.Kind.UNRECORDED;
      return new Evolution(service, desired, existing, null, List.of(), Snapshot.of(desired), kind, expand);
    }
    Snapshot before;
    try {
      before = SnapshotJson.read(json);
    } catch (IllegalArgumentException e) {
      throw new RenderException(".archforge/schema/" + service + ".json is not a schema snapshot (" + e.getMessage()
          + "); restore it from version control, or delete it together with db/" + service + "/migrations to start over");
    }
    if (!before.dialect().equals(desired.dialect().id())) {
      throw new RenderException("db/" + service + "/migrations are written for " + before.dialect()
          + ", but the database decision is now " + desired.dialect().id() + "; archforge does not translate"
          + " migrations between databases: decide database: " + before.dialect() + " again, or move the folder away");
    }
    SchemaDiff.Result diff = SchemaDiff.of(before, desired, renames, expand);
    String file = diff.changes().isEmpty() ? null
        : "db/" + service + "/migrations/V" + (last(existing) + 1) + "__" + slug(diff.changes()) + ".sql";
    return new Evolution(service, desired, existing, file, diff.changes(), diff.after(), Evolution.Kind.RECORDED, expand);
  }

  private static int last(SortedMap<String, String> existing) {
    int last = 0;
    for (String path : existing.keySet()) {
      Matcher m = VERSION.matcher(path.substring(path.lastIndexOf('/') + 1));
      if (m.matches()) {
        last = Math.max(last, Integer.parseInt(m.group(1)));
      }
    }
    return last;
  }

  /** What the migration does, for its file name: the first changes that people name, in snake_case. */
  static String slug(List<SchemaChange> changes) {
    Set<String> words = new LinkedHashSet<>();
    for (SchemaChange c : changes) {
      String verb = switch (c.code()) {
        case SC101 -> "create";
        case DS101, DS102 -> "drop";
        case SC102, MF103 -> "add";
        case BC101, BC102, EC101, EC105 -> "rename";
        case EC102, EC104, EC106 -> "contract";
        case DS103, SC103, EC103 -> "retype";
        case MF105 -> "protect";
        default -> null;
      };
      if (verb != null) {
        words.add(verb + "_" + c.subject().replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", ""));
      }
    }
    if (words.isEmpty()) {
      words.add("alter_" + changes.get(0).subject().replaceAll("\\..*", "").replaceAll("[^a-z0-9]+", "_"));
    }
    return slug(words);
  }

  /** The words of a migration's file name joined by {@code _and_}, cut with {@code _and_more} at 60 characters. */
  public static String slug(Set<String> words) {
    StringBuilder slug = new StringBuilder();
    for (String w : words) {
      if (slug.length() + w.length() + 5 > SLUG_LENGTH) {
        slug.append(slug.isEmpty() ? w.substring(0, Math.min(w.length(), SLUG_LENGTH - 9)) : "").append("_and_more");
        break;
      }
      slug.append(slug.isEmpty() ? "" : "_and_").append(w);
    }
    return slug.toString();
  }
}
