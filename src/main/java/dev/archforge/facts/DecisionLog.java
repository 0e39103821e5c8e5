package dev.archforge.facts;

import dev.archforge.model.Decision;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.Digits;
import dev.archforge.model.History;
import dev.archforge.model.IssuedRecord;
import dev.archforge.model.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decision records of a run, MADR's lifecycle: a record once issued is never rewritten. A topic
 * whose decision (choice or who made it) is as its current record says keeps that record; a changed
 * one gets a new record with the next free number that supersedes the old, and the old one's status
 * line becomes {@code superseded by NNNN}. A first run numbers the records by topic ({@code 0005-caching.md}).
 *
 * @param entries every record, by number
 * @param changes the decisions that changed since the records were issued
 */
public record DecisionLog(List<Entry> entries, List<Change> changes) {
  /** What this run does with one record. */
  public enum Kind {
    /** Not issued before: rendered. */
    NEW,
    /** Issued before and still current, or superseded earlier: kept as issued. */
    KEPT,
    /** Issued before and superseded by this run: only its status line changes. */
    SUPERSEDED
  }

  /**
   * @param decision the decision a new record states; null for a kept or superseded one
   * @param issued the record as issued before; null for a new one
   * @param supersedes the number of the record a new one replaces, or null
   * @param supersededBy for a record superseded now, the number of its successor; else null
   */
  public record Entry(String number, String file, String topic, Kind kind, Decision decision, IssuedRecord issued,
      String supersedes, String supersededBy) {}

  /** One decision that changed: the old record, the new one, and the choices. */
  public record Change(String topic, String before, String after, String oldFile, String newFile) {}

  public DecisionLog {
    entries = List.copyOf(entries);
    changes = List.copyOf(changes);
  }

  /**
   * @param breakingApi whether this run's contracts break clients of the previous ones: the API
   *     versioning decision then gets a new record that states the breaking changes, as any changed
   *     decision does, since the record in force cannot be rewritten
   */
  static DecisionLog of(Plan plan, History history, boolean breakingApi) {
    Map<String, IssuedRecord> current = new HashMap<>();
    Set<String> taken = new HashSet<>();
    int next = DecisionTopic.values().length + 1;
    for (IssuedRecord record : history.records()) {
      taken.add(record.number());
      next = Math.max(next, Integer.parseInt(record.number()) + 1);
      if (!record.superseded()) {
        current.put(record.topic(), record);
      }
    }
    Map<String, Entry> superseding = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    for (Decision d : plan.decisions()) {
      IssuedRecord was = current.get(d.topic());
      boolean restated = breakingApi && d.topic().equals(DecisionTopic.API_VERSIONING.id());
      if (was != null && was.choice().equals(d.choice()) && was.origin().equals(d.origin().toString()) && !restated) {
        continue;
      }
      String fixed = Layout.decisionRecordName(d.topic()).substring(0, 4);
      String number = was == null && !taken.contains(fixed) ? fixed : Digits.padded(next++, 4);
      taken.add(number);
      String file = number + "-" + d.topic() + ".md";
      entries.add(new Entry(number, file, d.topic(), Kind.NEW, d, null, was == null ? null : was.number(), null));
      if (was != null) {
        superseding.put(was.number(), entries.get(entries.size() - 1));
        changes.add(new Change(d.topic(), was.choice(), d.choice(), was.file(), file));
      }
    }
    for (IssuedRecord record : history.records()) {
      Entry by = superseding.get(record.number());
      entries.add(by == null
          ? new Entry(record.number(), record.file(), record.topic(), Kind.KEPT, null, record, null, null)
          : new Entry(record.number(), record.file(), record.topic(), Kind.SUPERSEDED, null, record, null, by.number()));
    }
    entries.sort(java.util.Comparator.comparing(Entry::number));
    return new DecisionLog(entries, changes);
  }

  /** The file of the record in force for a topic, e.g. {@code 0018-caching.md}. */
  public String currentFile(String topic) {
    return current(topic).map(Entry::file).orElse(Layout.decisionRecordName(topic));
  }

  private Optional<Entry> current(String topic) {
    return entries.stream().filter(e -> e.topic().equals(topic))
        .filter(e -> e.kind() == Kind.NEW || (e.kind() == Kind.KEPT && !e.issued().superseded()))
        .reduce((a, b) -> b);
  }
}
