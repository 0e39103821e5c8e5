package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.SystemComponents.EventFlow;
import dev.archforge.deliverable.security.SystemComponents.Store;
import dev.archforge.deliverable.security.ThreatModelView.Element;
import dev.archforge.deliverable.security.ThreatModelView.Risk;
import dev.archforge.deliverable.security.ThreatModelView.Stride;
import dev.archforge.facts.AlertNames;
import dev.archforge.facts.Naming;
import dev.archforge.model.Entity;
import dev.archforge.model.Figure;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;

/** STRIDE for what holds data: each database, the cache and the broker when the plan has them. */
final class DataThreats {
  private final SecurityFacts f;
  private final SystemComponents sys;
  private final Where where;

  DataThreats(SecurityFacts facts) {
    this.f = facts;
    this.sys = facts.system();
    this.where = facts.where();
  }

  List<Element> elements() {
    List<Element> list = new ArrayList<>(sys.databases().stream().map(this::database).toList());
    if (sys.hasCache()) {
      list.add(cache());
    }
    if (sys.hasBroker()) {
      list.add(broker());
    }
    return list;
  }

  private Element database(Store d) {
    List<String> classified = f.data().fieldsIn(d);
    boolean sql = sys.sqlDatabase();
    return new Stride()
        .spoofing("Another workload connects to the " + d.name() + " with stolen or shared credentials.",
            "Only " + Md.code(d.deployable()) + " connects, with credentials of its own from the secrets store, "
                + "rotated at least every 90 days; TLS with server verification on every connection.",
            where.network(d.deployable(), "the " + d.name()) + "; " + where.section(Where.SECRETS), Risk.LOW)
        .tampering("Injection or someone with database access alters rows.",
            "Parameterised queries only; the application's role reads and writes rows but runs no DDL (migrations "
                + "use a separate role); " + (sql ? "NOT NULL, UNIQUE, foreign-key and CHECK constraints hold the "
                + "rules of the requirements." : "integrity rules live in the services' code (" + sys.database()
                + " has no foreign keys)."),
            sql ? where.migrations("constraints of " + Md.codes(d.entities().stream().map(Entity::name).toList()))
                : Where.team("validators per table or collection"), sql ? Risk.LOW : Risk.MEDIUM)
        .repudiation("A change to data cannot be traced to who made it.",
            "The services' write log, audit timestamps and point-in-time recovery"
                + (f.data().protection().equals("regulated") ? "; database audit logging of reads and writes on "
                    + "classified tables." : "."),
            where.decision("backup-dr") + "; " + where.section(Where.LOGGING), Risk.LOW)
        .disclosure("Disks, snapshots or backups are copied, or a reader sees classified fields.",
            "Storage, snapshots and backups are encrypted with keys in " + f.data().keys() + ". "
                + (classified.isEmpty() ? "It holds no field marked pii or secret."
                    : "Classified fields " + Md.codes(classified) + " are protected as the classification table says."),
            where.section(Where.CLASSIFICATION) + "; " + where.section(Where.ENCRYPTION),
            !classified.isEmpty() && !f.data().fieldLevelPii() ? Risk.MEDIUM : Risk.LOW)
        .denial("Connections or storage run out under load.", connections(d),
            where.capacity("database connections and storage") + "; " + where.alert(
                sql ? AlertNames.connectionPool(d.deployable()) : AlertNames.errorRate(d.deployable()),
                "connections in use against the pool"), poolerNeeded(d) ? Risk.MEDIUM : Risk.LOW)
        .elevation("The application's database role does more than it needs, or reads another "
                + (sys.monolith() ? "module's" : "service's") + " data.", elevation(d),
            where.decision("architecture-style"), Risk.LOW)
        .element(d.name(), "database", sys.database() + ", used by " + Md.codes(d.services().stream()
            .map(Service::name).toList()) + "; holds " + Md.codes(d.entities().stream().map(Entity::name).toList())
            + " (" + where.decision("database") + ").");
  }

  /** Whether the store's connections at the autoscaling maximum pass 80 % of what one instance accepts. */
  private boolean poolerNeeded(Store d) {
    var capacity = f.plan().capacity();
    var assumptions = f.plan().blueprint().capacity();
    if (capacity == null || assumptions == null) {
      return false;
    }
    double connections = capacity.figure("db." + d.deployable() + ".connections").map(Figure::value).orElse(0.0);
    return connections > 0.8 * assumptions.dbMaxConnections();
  }

  private String connections(Store d) {
    var capacity = f.plan().capacity();
    if (capacity == null) {
      return "Each pod has a fixed connection pool; storage grows as the capacity plan says.";
    }
    String figure = capacity.figure("db." + d.deployable() + ".connections").map(Figure::shown).orElse("?");
    int max = f.plan().blueprint().capacity() == null ? 0 : f.plan().blueprint().capacity().dbMaxConnections();
    return "Each pod opens a fixed pool; at the autoscaling maximum " + Md.code(d.deployable()) + " holds " + figure
        + " connections against the " + max + " one instance accepts"
        + (poolerNeeded(d) ? ", so a connection pooler sits in front of the database." : ".")
        + " Storage is provisioned for 36 months of growth.";
  }

  private String elevation(Store d) {
    String base = sys.monolith() ? "One schema per module, each with its own role: a module cannot read another "
        + "module's tables." : "One database and one role per service: no service can read another's tables.";
    String tenant = f.tenantField().filter(t -> d.entities().stream().anyMatch(e -> e.fields().stream()
        .anyMatch(x -> x.name().equals(t)))).map(t -> " Rows carry " + Md.code(t) + "; "
            + (f.system().databaseChoice().matches("postgresql|distributed-sql") ? "row-level security"
                : "a filter in every query")
            + " keeps each tenant to its own rows.").orElse("");
    return base + " The application role is never a superuser." + tenant;
  }

  private Element cache() {
    List<String> deployables = sys.deployables().stream().filter(x -> sys.databases().stream()
        .anyMatch(d -> d.deployable().equals(x))).toList();
    return new Stride()
        .spoofing("A workload other than the services connects to Redis.",
            "AUTH with one ACL user per deployable, over TLS; only " + Md.codes(deployables) + " may reach it.",
            where.network(String.join(", ", deployables), "Redis") + "; " + where.section(Where.SECRETS), Risk.LOW)
        .tampering("A wrong value is cached under a key other callers read (cache poisoning).",
            "Keys are prefixed with the service" + (f.tenantField().isPresent() ? " and tenant" : "")
                + "; every value has a TTL and the database stays the source of truth.",
            Where.team("cache key scheme"), Risk.LOW)
        .repudiation("Administrative commands (FLUSHALL, CONFIG) leave no trace.",
            "Those commands are disabled by ACL; the managed service's audit log records configuration changes.",
            where.section(Where.LOGGING), Risk.LOW)
        .disclosure("Classified data sits in the cache, or keys reveal personal data.",
            "Secret fields are never cached; personal fields only with short TTLs; keys never contain personal "
                + "data; encryption at rest and in transit on the managed Redis.",
            where.section(Where.CLASSIFICATION), f.data().hasPii() ? Risk.MEDIUM : Risk.LOW)
        .denial("Memory fills up or Redis fails, and every read falls through to the database.",
            "`maxmemory` with `allkeys-lru`, sized from the hot data; the services fall back to the database with "
                + "timeouts and shed load when it saturates.",
            where.capacity("cache size") + "; " + where.alert(AlertNames.cacheMemory(), "Redis memory use"), Risk.LOW)
        .elevation("A compromised service reads or overwrites another service's keys.",
            "Each ACL user may only touch its own key prefix.", Where.team("Redis ACL users"), Risk.LOW)
        .element("Redis cache", "cache", "Cache-aside store for hot reads (" + where.decision("caching") + ").");
  }

  /** {@code topic order-placed} or {@code exchange order-placed}. */
  String channel(String event) {
    return (sys.messaging().equals("rabbitmq") ? "exchange " : "topic ") + Naming.kebab(event);
  }

  private Element broker() {
    List<String> acl = new ArrayList<>();
    for (EventFlow e : sys.events()) {
      if (!e.publishers().isEmpty()) {
        acl.add(Md.codes(e.publishers().stream().map(Service::name).toList()) + " → " + Md.code(
            Naming.kebab(e.event().name())));
      }
    }
    List<String> personal = sys.events().stream().map(e -> e.event().name())
        .filter(e -> f.data().eventFieldsOf(e).isPresent()).toList();
    String first = sys.events().stream().flatMap(e -> e.consumers().stream()).map(Service::name).findFirst()
        .orElse(null);
    String name = sys.broker() + " broker";
    return new Stride()
        .spoofing("A workload publishes events it does not own.",
            "Each service has its own broker credentials; write access per " + (sys.messaging().equals("rabbitmq")
                ? "exchange" : "topic") + " only for its publishers: " + (acl.isEmpty() ? "none" : String.join(", ",
                acl)) + ".", where.section(Where.SECRETS) + "; " + where.section(Where.SERVICE_IDENTITY), Risk.LOW)
        .tampering("Events are altered in transit or at rest.",
            "TLS to the broker, encrypted storage; consumers validate every event against its schema before use.",
            where.section(Where.ENCRYPTION), Risk.LOW)
        .repudiation("A publisher denies having sent an event.",
            "Every event carries its id, its producer and the trace id; the broker keeps it for the retention "
                + "period.", where.section(Where.LOGGING), Risk.LOW)
        .disclosure("Events with personal data reach services that do not need them, or stay too long.",
            personal.isEmpty() ? "No event carries a field marked pii or secret; read access is per consumer."
                : "Events " + Md.codes(personal) + " carry personal fields: read access is granted per consumer and "
                    + "retention is limited to 7 days.",
            where.section(Where.CLASSIFICATION), personal.isEmpty() ? Risk.LOW : Risk.MEDIUM)
        .denial("A flood of events or a stuck consumer fills the broker.",
            "Producer quotas, consumer lag alerts and a dead-letter queue per consumer.",
            where.capacity("event rates") + (first == null || !AlertNames.watchesLag(sys.messaging(), sys.cloud())
                ? "" : "; " + where.alert(AlertNames.consumerLag(first), "consumer lag")), Risk.LOW)
        .elevation("A service gains administrative rights on the broker.",
            "No service credential may create, delete or reconfigure " + (sys.messaging().equals("rabbitmq")
                ? "exchanges and queues" : "topics") + "; those change through infrastructure as code.",
            where.section(Where.SCANNING), Risk.LOW)
        .element(name, "broker", "Carries the events between services (" + where.decision("messaging") + ").");
  }
}
