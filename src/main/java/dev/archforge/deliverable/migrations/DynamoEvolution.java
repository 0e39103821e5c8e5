package dev.archforge.deliverable.migrations;

import dev.archforge.deliverable.migrations.DynamoTables.Design;
import dev.archforge.deliverable.migrations.DynamoTables.Index;
import dev.archforge.deliverable.migrations.DynamoTables.Item;
import dev.archforge.deliverable.migrations.DynamoTables.KeyValue;
import dev.archforge.render.RenderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one service's DynamoDB design goes on from the one the last run recorded
 * ({@code .archforge/schema/<service>.dynamodb.json}): dynamodb.json always shows the design the
 * requirements describe, and its {@code changelog} keeps, version by version, what changed since the
 * run before and whether DynamoDB makes the change online. A change of an item's table key is not
 * online and needs consent.
 *
 * @param changes what this run changes; empty on the first run or when nothing changed
 * @param after the design and changelog recorded for the next run
 */
public record DynamoEvolution(String service, List<ModelChange> changes, DynamoModel after) {
  public DynamoEvolution {
    changes = List.copyOf(changes);
  }

  /** One line of the changelog: the file's version that made the change, and whether it is online. */
  public record Entry(int version, String code, String subject, boolean online, String change) {}

  /** The keys of the design (its capacity is no change to migrate) and the changelog so far. */
  public record DynamoModel(List<Index> indexes, List<Item> items, List<Entry> changelog) {
    public DynamoModel {
      indexes = List.copyOf(indexes);
      items = List.copyOf(items);
      changelog = List.copyOf(changelog);
    }

    int version() {
      return changelog.stream().mapToInt(Entry::version).max().orElse(1);
    }
  }

  static DynamoEvolution of(String service, Design desired, String snapshot) {
    if (snapshot == null) {
      return new DynamoEvolution(service, List.of(), new DynamoModel(desired.indexes(), desired.items(), List.of()));
    }
    DynamoModel before;
    try {
      before = ModelJson.read(snapshot, DynamoModel.class);
    } catch (IllegalArgumentException e) {
      throw new RenderException(".archforge/schema/" + service + ".dynamodb.json is not a DynamoDB design ("
          + e.getMessage() + "); restore it from version control, or delete it to start the changelog over");
    }
    List<ModelChange> changes = diff(before, desired);
    List<Entry> changelog = new ArrayList<>(before.changelog());
    int version = before.version() + 1;
    for (ModelChange c : changes) {
      changelog.add(new Entry(version, c.code().name(), c.subject(), c.code() != ModelChangeCode.DDB201, c.statement()));
    }
    return new DynamoEvolution(service, changes, new DynamoModel(desired.indexes(), desired.items(), changelog));
  }

  static List<ModelChange> diff(DynamoModel before, Design after) {
    List<ModelChange> changes = new ArrayList<>();
    for (Index i : before.indexes()) {
      if (!after.indexes().contains(i)) {
        changes.add(new ModelChange(ModelChangeCode.DDB103, i.name(), "UpdateTable: Delete " + i.name()
            + "; the reads through it are gone."));
      }
    }
    for (Index i : after.indexes()) {
      if (!before.indexes().contains(i)) {
        changes.add(new ModelChange(ModelChangeCode.DDB101, i.name(), "UpdateTable: Create " + i.name() + " ("
            + i.partitionKey() + " HASH, " + i.sortKey() + " RANGE, projection ALL); DynamoDB fills it online from"
            + " the items that have both attributes."));
      }
    }
    for (Item old : before.items()) {
      Optional<Item> now = after.items().stream().filter(i -> i.entity().equals(old.entity())).findFirst();
      if (now.isEmpty()) {
        changes.add(new ModelChange(ModelChangeCode.DDB202, old.entity(), old.entity() + " items (" + value(old, "PK")
            + ") are no longer read or written: a job deletes them once no running version uses them."));
      } else {
        changes.addAll(keys(old, now.get()));
      }
    }
    return changes;
  }

  private static List<ModelChange> keys(Item old, Item now) {
    List<ModelChange> changes = new ArrayList<>();
    String who = now.entity() + " items";
    for (KeyValue k : now.keys()) {
      String was = value(old, k.attribute());
      String subject = now.entity() + "." + k.attribute();
      if (was == null) {
        changes.add(new ModelChange(ModelChangeCode.DDB102, subject, who + " gain " + k.attribute() + " = " + k.value()
            + ": a job sets it on the items written before; the service sets it from now on."));
      } else if (!was.equals(k.value()) && (k.attribute().equals("PK") || k.attribute().equals("SK"))) {
        changes.add(new ModelChange(ModelChangeCode.DDB201, subject, who + "' " + k.attribute() + " becomes " + k.value()
            + " (was " + was + "). Not online: DynamoDB cannot change an item's key in place. Create a new table from"
            + " this file under a new name, copy every item (from a point-in-time export) with its keys built as"
            + " \"items\" says, switch the service to it, then delete the old table."));
      } else if (!was.equals(k.value())) {
        changes.add(new ModelChange(ModelChangeCode.DDB104, subject, who + "' " + k.attribute() + " becomes "
            + k.value() + " (was " + was + "): a job rewrites it on the items written before."));
      }
    }
    for (KeyValue k : old.keys()) {
      if (value(now, k.attribute()) == null) {
        changes.add(new ModelChange(ModelChangeCode.DDB104, now.entity() + "." + k.attribute(), who + " lose "
            + k.attribute() + " (was " + k.value() + "): a job removes it from the items written before."));
      }
    }
    return changes;
  }

  private static String value(Item item, String attribute) {
    return item.keys().stream().filter(k -> k.attribute().equals(attribute)).map(KeyValue::value).findFirst()
        .orElse(null);
  }
}
