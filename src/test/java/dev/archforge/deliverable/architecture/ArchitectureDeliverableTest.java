package dev.archforge.deliverable.architecture;

import dev.archforge.facts.Facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.openapi.PlanFixtures;
import dev.archforge.model.Plan;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.NodeTools.MermaidReport;
import dev.archforge.testing.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ARCHITECTURE.md from plans built by hand: what the samples do not reach. */
class ArchitectureDeliverableTest {
  private static final TemplateRenderer RENDERER = new TemplateRenderer(List.of());
  private static final Map<String, String> MICROSERVICES = Map.of("architecture-style", "microservices",
      "database", "postgresql", "messaging", "kafka", "consistency", "saga", "caching", "redis",
      "api-gateway", "gateway", "resilience", "timeouts-and-retries");

  @TempDir Path tmp;

  private static String render(Plan plan) {
    return new ArchitectureDeliverable().contribute(Facts.of(plan), RENDERER).get(0).content();
  }

  private static Plan hostile(Map<String, String> choices) {
    return ArchitecturePlans.plan(ArchitecturePlans.hostile(), choices);
  }

  private static Map<String, String> with(Map<String, String> base, String topic, String choice) {
    Map<String, String> map = new LinkedHashMap<>(base);
    map.put(topic, choice);
    return map;
  }

  @Test
  void hostileTextAndKeywordNamesGiveDiagramsMermaidAccepts() throws Exception {
    List<Path> files = new ArrayList<>();
    List<Map<String, String>> choices = List.of(Map.of(), Map.of("architecture-style", "modular-monolith"),
        MICROSERVICES, with(with(MICROSERVICES, "messaging", "none"), "consistency", "local-transactions"),
        with(with(MICROSERVICES, "api-gateway", "gateway-and-bff"), "caching", "cdn-and-redis"),
        with(MICROSERVICES, "consistency", "event-sourcing"));
    for (int i = 0; i < choices.size(); i++) {
      String markdown = render(hostile(choices.get(i)));
      List<String> blocks = MermaidStructure.blocks(markdown);
      // context, container, 2 ERDs, flows of NoteAdded and EndReached, chains of note and graph-api
      assertThat(blocks).as(choices.get(i).toString()).hasSize(8);
      blocks.forEach(b -> assertThat(MermaidStructure.problems(b)).as(b).isEmpty());
      files.add(Files.writeString(tmp.resolve("hostile-" + i + ".md"), markdown));
    }

    MermaidReport report = NodeTools.mermaid(files);

    assertThat(report.errors()).isEmpty();
    assertThat(report.blocks()).isEqualTo(8 * choices.size());
  }

  @Test
  void labelsAreEscapedForMermaidAndProseForMarkdown() {
    String markdown = render(hostile(MICROSERVICES));
    String container = MermaidStructure.blocks(markdown).get(1);

    assertThat(container).contains("Container(svc_note, \"note\", \"java, REST/HTTPS\", \"Say #quot;hi#quot; [x] {y}"
        + " (z) #35;1#59; 100#37; #lt;b#gt;#amp;amp#59; `code` |a|b| *em* _u_ ~s~ \\ --#gt;#gt; end second line\")");
    assertThat(container).contains("title Containers of Acme #quot;Notes#quot; [beta] #35;1#59; #lt;b#gt;");
    assertThat(markdown).contains("# Architecture — Acme \"Notes\" \\[beta\\] #1; \\<b\\>");
    assertThat(markdown).contains("| note | Say \"hi\" \\[x\\] {y} (z) #1; 100% \\<b\\>&amp;amp; \\`code\\` \\|a\\|b\\|");
  }

  @Test
  void callCyclesAreNotedNotFollowed() {
    String markdown = render(hostile(MICROSERVICES));

    assertThat(markdown).contains("### Request to note", "### Request to graph-api");
    assertThat(markdown).contains("Note over svc_end,svc_note: end calls note again: a cycle, not followed here.");
    assertThat(markdown).contains("  svc_note->>svc_end: gRPC\n", "  svc_end-->>svc_note: response\n");
  }

  @Test
  void eventsWithoutAPublisherAreListedNotDrawn() {
    String markdown = render(hostile(MICROSERVICES));

    assertThat(markdown).contains("- Orphan is consumed by graph-api, but no service publishes it.");
    assertThat(markdown).doesNotContain("### Event Orphan");
    assertThat(markdown).contains("- NoteAdded: note → end, graph-api", "- note → end (gRPC)");
  }

  @Test
  void outboxAndIdempotencyAppearInEveryEventFlowOfAnOutboxPlan() {
    String markdown = render(hostile(MICROSERVICES));
    String flow = markdown.substring(markdown.indexOf("### Event NoteAdded"), markdown.indexOf("### Event EndReached"));

    assertThat(flow).contains("svc_note->>db_note: insert NoteAdded into the table outbox_event",
        "relay_outbox->>mq_broker: publish NoteAdded to topic note-added (key noteId)",
        "mq_broker-)svc_end: NoteAdded (event id, noteId)", "alt event id already processed",
        "mq_broker-)svc_graph_api: NoteAdded", "Note over svc_end,svc_note: Saga step: end in turn publishes EndReached,"
            + " which note<br/>consumes");
  }

  @Test
  void aMonolithWithoutBrokerDispatchesEventsInProcessFromAnOutboxTable() {
    Plan plan = hostile(Map.of("architecture-style", "modular-monolith", "messaging", "none"));
    String markdown = render(plan);
    List<String> blocks = MermaidStructure.blocks(markdown);

    assertThat(blocks.get(1)).contains("Container(app_notes, \"notes\", \"java, modular monolith\", \"Modules: note,"
        + " end, graph-api#59; events in-process through the table event_publication\")");
    assertThat(blocks.get(1)).doesNotContain("ContainerQueue", "Container(svc_");
    assertThat(markdown).contains("participant relay_outbox as Event dispatcher (outbox)",
        "relay_outbox-)svc_end: NoteAdded", "participant db_notes as notes database");
    assertThat(markdown).contains("**Messaging: no broker.** No broker: modules exchange events in-process.");
    assertThat(markdown).contains("The one deployable, notes, runs 2 to 6 instances");
    assertThat(markdown).contains("| note | ", "| module of notes |");
  }

  @Test
  void microservicesWithoutBrokerNotifyConsumersDirectly() {
    Plan plan = hostile(with(with(MICROSERVICES, "messaging", "none"), "consistency", "local-transactions"));
    String container = MermaidStructure.blocks(render(plan)).get(1);

    assertThat(container).contains("Rel(svc_note, svc_end, \"Notifies: NoteAdded\"",
        "Rel(svc_end, svc_note, \"Notifies: EndReached\"");
  }

  @Test
  void microservicesShowSizingPerServiceAndLinkEveryChoiceToItsRecord() {
    String markdown = render(hostile(MICROSERVICES));

    assertThat(markdown).contains("| 2–6 pods |").doesNotContain("The one deployable");
    assertThat(markdown).contains(
        "**Style: microservices.** Reason for microservices. Second reason. ([decision record](decisions/0001-architecture-style.md))",
        "**Database: PostgreSQL.** One PostgreSQL database (Azure Database for PostgreSQL) per service that owns data:"
            + " note, end;",
        "([decision record](decisions/0004-database.md))", "([decision record](decisions/0006-messaging.md))",
        "([decision record](decisions/0002-consistency.md))", "([decision record](decisions/0005-caching.md))",
        "([decision record](decisions/0003-api-gateway.md))");
    assertThat(markdown).contains("| note | Class, One | note database (Azure Database for PostgreSQL) |",
        "| graph-api | — | owns no data |");
  }

  @Test
  void theContextShowsRolesAnonymousCallersAndTheExternalsTheChoicesImply() {
    String context = MermaidStructure.blocks(render(hostile(with(MICROSERVICES, "caching", "cdn-and-redis"))))
        .get(0);

    assertThat(context).contains("Person(role_end, \"End\", \"Reads Class.\")",
        // One and End state no access: the last role, note-taker, alone may change them (deny by default).
        "Person(role_note_taker, \"Note taker\", \"Changes Class, One, End.\")",
        "Person(anonymous_users, \"Anonymous visitors\"",
        "System_Ext(idp, \"Identity provider\"", "System_Ext(cdn, \"CDN\", \"Azure Front Door: caches",
        "System_Ext(cloud, \"Azure managed services\", \"Azure Database for PostgreSQL, Azure Event Hubs (Kafka API),"
            + " Azure Cache for Redis\")",
        "Rel(anonymous_users, cdn, \"Uses\", \"HTTPS, no credentials\")", "Rel(role_end, idp, \"Signs in\"");
    assertThat(context).doesNotContain("Rel(anonymous_users, idp");
  }

  @Test
  void aPlanWithoutDecisionsOrCapacityStillRenders() {
    String markdown = render(PlanFixtures.everything("none", "url"));
    List<String> blocks = MermaidStructure.blocks(markdown);

    assertThat(blocks).hasSize(3);
    blocks.forEach(b -> assertThat(MermaidStructure.problems(b)).as(b).isEmpty());
    assertThat(markdown).contains("No architecture-style decision in the plan", "| module of shop |");
    assertThat(markdown).doesNotContain("([decision record](decisions/0004-database.md))", "System_Ext(idp");
  }
}
