package dev.archforge.facts.schema;

import dev.archforge.facts.messaging.Transport;
import dev.archforge.facts.schema.Table.Column;
import dev.archforge.facts.schema.Table.Index;
import dev.archforge.facts.schema.Table.Key;
import dev.archforge.facts.schema.Table.Role;
import dev.archforge.model.Decision;
import dev.archforge.model.IdType;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tables that the delivery of events needs in a service's own database, so that what the
 * AsyncAPI document and the architecture promise is what the migrations create:
 * <ul>
 *   <li>{@value #OUTBOX}: with a broker and the consistency decision {@code outbox} or {@code saga},
 *       every publishing service writes its events here in the transaction of the change; a relay
 *       sends the rows whose {@code published_at} is still empty.</li>
 *   <li>{@value #PUBLICATION}: without a broker, events are handled in-process after commit; each
 *       publishing module records here every event and handler until the handler completes.</li>
 *   <li>{@value #PROCESSED}: every consuming service records the {@code message-id} of each message it
 *       applied, in the transaction of the change it caused, and skips a message it has seen.</li>
 * </ul>
 * Their names are not entity names (those are PascalCase), so a table's {@link Table#entity()} is its
 * own name.
 */
public final class MessageTables {
  public static final String OUTBOX = "outbox_event";
  public static final String PUBLICATION = "event_publication";
  public static final String PROCESSED = "processed_message";
  private static final int NAME_LENGTH = 255;

  private final Plan plan;

  public MessageTables(Plan plan) {
    this.plan = plan;
  }

  /** Whether a table is one of these: one the delivery of events needs rather than an entity or a relation. */
  public static boolean isMessageTable(Table t) {
    return List.of(OUTBOX, PUBLICATION, PROCESSED).contains(t.name()) && t.name().equals(t.entity());
  }

  /** The table a publishing service writes its events to, if the plan has it write them to one. */
  public Optional<String> publishing() {
    if (Transport.of(plan) == Transport.IN_PROCESS) {
      return Optional.of(PUBLICATION);
    }
    String consistency = plan.decision("consistency").map(Decision::choice).orElse("local-transactions");
    return consistency.equals("outbox") || consistency.equals("saga") ? Optional.of(OUTBOX)
        : Optional.empty();
  }

  /** The names of the message tables of one service. */
  public List<String> names(Service service) {
    List<String> names = new ArrayList<>();
    if (!service.publishes().isEmpty()) {
      publishing().ifPresent(names::add);
    }
    if (!service.consumes().isEmpty()) {
      names.add(PROCESSED);
    }
    return names;
  }

  /** The message tables of one service in one dialect. */
  List<Table> of(Service service, Dialect dialect) {
    List<Table> tables = new ArrayList<>();
    for (String name : names(service)) {
      tables.add(switch (name) {
        case OUTBOX -> outbox(dialect);
        case PUBLICATION -> publication(dialect);
        default -> processed(dialect);
      });
    }
    return tables;
  }

  private static Table outbox(Dialect d) {
    List<Column> columns = List.of(
        id(d, "id", "The event's id, sent as its `message-id` header."),
        text(d, "aggregate_type", "The kind of record the event is about (the entity)."),
        text(d, "aggregate_id", "The id of that record: the event's ordering key."),
        text(d, "event_type", "The event's name."),
        new Column("payload", json(d), null, true, null, null, "The event's payload as sent.", Role.HELPER, null),
        new Column("headers", json(d), null, true, null, null,
            "The message headers: correlation-id, traceparent, tracestate, schema-version.", Role.HELPER, null),
        timestamp(d, "created_at", true, "When the event was written, in the transaction of the change."),
        timestamp(d, "published_at", false, "When the broker acknowledged it; empty until then."));
    return table(OUTBOX, "Transactional outbox: each event is written here in the transaction of the change it"
        + " reports; a relay sends the unpublished rows and sets published_at. Published rows are deleted after a"
        + " retention window.", columns, List.of("id"), pending(d, OUTBOX, "published_at", "created_at"));
  }

  private static Table publication(Dialect d) {
    List<Column> columns = List.of(
        id(d, "id", "The publication's id."),
        text(d, "listener_id", "The handler the event is delivered to."),
        text(d, "event_type", "The event's name."),
        new Column("serialized_event", json(d), null, true, null, null, "The event as published.", Role.HELPER,
            null),
        timestamp(d, "publication_date", true, "When the event was published, in the transaction of the change."),
        timestamp(d, "completion_date", false, "When the handler completed; empty while it has not."));
    return table(PUBLICATION, "Event publication log: each event and handler is recorded in the publishing"
        + " transaction and completed when the handler has finished; incomplete rows are run again.", columns,
        List.of("id"), pending(d, PUBLICATION, "completion_date", "publication_date"));
  }

  private static Table processed(Dialect d) {
    List<Column> columns = List.of(
        new Column("message_id", d.idType(IdType.UUID), null, true, null, null,
            "The `message-id` header of a message this service applied.", Role.HELPER, null),
        text(d, "consumer", "The handler that applied it."),
        timestamp(d, "processed_at", true, "When it was applied, in the transaction of the change it caused."));
    return table(PROCESSED, "Idempotent consumers: the message-id of every message applied, written in the"
        + " transaction of the change it caused; a message whose id is here is acknowledged and skipped. Rows older"
        + " than the broker's retention are deleted.", columns, List.of("message_id", "consumer"),
        new Index(SqlNames.constraint("ix", PROCESSED, List.of("processed_at")), List.of("processed_at"), null,
            "retention clean-up"));
  }

  private static Table table(String name, String comment, List<Column> columns, List<String> key, Index index) {
    return new Table(name, name, null, comment, columns, new Key(SqlNames.constraint("pk", name, List.of()), key),
        List.of(), List.of(), List.of(index), List.of(), null);
  }

  /** The index a relay or a retry polls: the rows still pending, oldest first. */
  private static Index pending(Dialect d, String table, String done, String since) {
    return d.partialIndexes()
        ? new Index(SqlNames.constraint("ix", table, List.of("pending")), List.of(since), done + " IS NULL",
            "rows still pending")
        : new Index(SqlNames.constraint("ix", table, List.of("pending")), List.of(done, since), null,
            "rows still pending");
  }

  private static Column id(Dialect d, String name, String comment) {
    return new Column(name, d.idType(IdType.UUID), null, true, d.idDefault(IdType.UUID), null, comment, Role.ID,
        null);
  }

  private static Column text(Dialect d, String name, String comment) {
    return new Column(name, d.shortText(NAME_LENGTH), null, true, null, null, comment, Role.HELPER, null);
  }

  private static Column timestamp(Dialect d, String name, boolean now, String comment) {
    return new Column(name, d.timestampType(), null, now, now ? d.now() : null, null, comment,
        now ? Role.CREATED_AT : Role.HELPER, null);
  }

  private static String json(Dialect d) {
    return d.id().equals("mysql") ? "json" : "jsonb";
  }
}
