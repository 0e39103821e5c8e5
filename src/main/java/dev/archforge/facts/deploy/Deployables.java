package dev.archforge.facts.deploy;

import dev.archforge.decide.capacity.SecretVariables;
import dev.archforge.facts.Naming;
import dev.archforge.model.Api;
import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import dev.archforge.model.Language;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import dev.archforge.model.ServiceSizing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deployables of a plan: one per service for microservices, one named after the project for a
 * modular monolith. Each gets its database (when it owns entities), the cache (when the plan chose
 * one and it owns data), the broker (when it publishes or consumes and the plan chose one), and
 * the environment those imply. Pure: the same plan gives the same list.
 */
public final class Deployables {
  /** The setting of a deployable that verifies tokens: it reaches the identity provider's keys. */
  public static final String OIDC_DISCOVERY_URL = "OIDC_DISCOVERY_URL";
  private Deployables() {}

  public static boolean monolith(Plan plan) {
    return choice(plan, "architecture-style", "modular-monolith").equals("modular-monolith");
  }

  /** The language a service's code is built in: its own, or the monolith's when it is a module of one. */
  public static Language languageOf(Plan plan, Service service) {
    return monolith(plan) ? monolithLanguage(plan) : service.language();
  }

  /** One warning per module of a monolith that states another language than the process it is built into. */
  public static List<String> languageWarnings(Plan plan) {
    if (!monolith(plan)) {
      return List.of();
    }
    Requirements r = plan.requirements();
    Language language = monolithLanguage(plan);
    return r.services().stream().filter(s -> s.language() != language).map(s -> r.places().service(s.name())
        + ": warning: service '" + s.name() + "' states language " + s.language().spelling() + ", but the modular "
        + "monolith is one " + language.spelling() + " process: the module is written and built in "
        + language.spelling() + " with the others. To run it in " + s.language().spelling() + ", choose "
        + "architecture-style microservices under decisions:, or drop its language.").toList();
  }

  private static Language monolithLanguage(Plan plan) {
    List<Language> languages = plan.requirements().project().team().languages();
    return languages.isEmpty() ? Language.JAVA : languages.get(0);
  }

  public static List<Deployable> of(Plan plan) {
    Requirements r = plan.requirements();
    List<Deployable> list = new ArrayList<>();
    Bff bff = Bff.of(plan).orElse(null);
    Set<String> names = new HashSet<>(monolith(plan) ? Set.of(r.project().name())
        : r.services().stream().map(Service::name).collect(Collectors.toSet()));
    if (bff != null) {
      names.add(bff.name());
    }
    // behind a BFF the edge reaches only the BFF, which calls the public services
    List<String> fromBff = bff == null ? List.of() : List.of(bff.name());
    if (monolith(plan)) {
      List<Service> all = r.services();
      boolean edge = all.stream().anyMatch(Service::isPublic) && bff == null;
      list.add(build(plan, r.project().name(), monolithLanguage(plan), all.stream().allMatch(s -> s.api() == Api.GRPC),
          edge, all, List.of(), bff != null && bff.fronts(r.project().name()) ? fromBff : List.of(), names));
    } else {
      Map<String, List<String>> callersOf = new HashMap<>();
      r.services().forEach(o -> o.calls().forEach(c -> callersOf.computeIfAbsent(c, k -> new ArrayList<>())
          .add(o.name())));
      for (Service s : r.services()) {
        List<String> callers = new ArrayList<>(callersOf.getOrDefault(s.name(), List.of()));
        if (bff != null && bff.fronts(s.name())) {
          callers.add(0, bff.name());
        }
        list.add(build(plan, s.name(), s.language(), s.api() == Api.GRPC, s.isPublic() && bff == null, List.of(s),
            s.calls(), callers, names));
      }
    }
    if (bff != null) {
      list.add(build(plan, bff.name(), bff.language(), false, true, List.of(), bff.fronts(), List.of(), names));
    }
    return list;
  }

  private static Deployable build(Plan plan, String name, Language language, boolean grpc, boolean isPublic,
      List<Service> modules, List<String> calls, List<String> callers, Set<String> names) {
    ServiceSizing sizing = plan.capacity().service(name).orElseThrow(
        () -> new IllegalStateException("CAPACITY has no sizing for deployable " + name));
    boolean ownsData = modules.stream().anyMatch(s -> !s.entities().isEmpty());
    boolean events = modules.stream().anyMatch(s -> !s.publishes().isEmpty() || !s.consumes().isEmpty());
    List<Backing> backing = new ArrayList<>();
    List<Setting> settings = new ArrayList<>(List.of(Setting.same("SERVICE_NAME", name),
        Setting.same("PORT", String.valueOf(Deployable.PORT)), Setting.same("LOG_LEVEL", "info"),
        Setting.same("LOG_FORMAT", "json")));
    // the variables and the entries that hold them are decided once, for CAPACITY.md to count them too
    List<String> secrets = SecretVariables.of(plan.requirements(), plan.choices(), name);
    if (ownsData) {
      String database = choice(plan, "database", "postgresql");
      Backing db = rename(database(name, database), names);
      backing.add(db);
      settings.add(new Setting("DB_HOST", db.host(), db.clusterHost()));
      settings.add(new Setting("DB_PORT", String.valueOf(db.localPort()), String.valueOf(db.clusterPort())));
      settings.add(Setting.same("DB_NAME", Naming.snake(name)));
      settings.add(Setting.same("DB_POOL_SIZE", String.valueOf(sizing.poolSize())));
      String caching = choice(plan, "caching", "none");
      if (caching.equals("redis") || caching.equals("cdn-and-redis")) {
        Backing cache = rename(new Backing("redis", "redis", 6379, 6379, "cache"), names);
        backing.add(cache);
        settings.add(new Setting("CACHE_HOST", cache.host(), cache.clusterHost()));
        settings.add(Setting.same("CACHE_PORT", "6379"));
      }
    }
    String messaging = choice(plan, "messaging", "none");
    if (events && !messaging.equals("none")) {
      Backing broker = rename(broker(messaging, plan), names);
      backing.add(broker);
      switch (messaging) {
        case "kafka" -> {
          settings.add(new Setting("KAFKA_BOOTSTRAP_SERVERS", broker.host() + ":" + broker.localPort(),
              broker.clusterHost() + ":" + broker.clusterPort()));
          // the laptop's broker is plaintext; the cluster's speaks TLS, with a SASL user or client certificates
          KafkaAuth auth = KafkaAuth.of(plan);
          settings.add(new Setting("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT", auth.protocol()));
          if (auth.password()) {
            settings.add(Setting.same("KAFKA_SASL_MECHANISM", auth.mechanism()));
          }
        }
        case "rabbitmq" -> {
          settings.add(new Setting("RABBITMQ_HOST", broker.host(), broker.clusterHost()));
          settings.add(new Setting("RABBITMQ_PORT", String.valueOf(broker.localPort()),
              String.valueOf(broker.clusterPort())));
        }
        default -> settings.add(Setting.same("PUBSUB_TOPIC_PREFIX", plan.requirements().project().name()));
      }
    }
    for (String callee : calls) {
      String address = callee + ":" + Deployable.PORT;
      settings.add(Setting.same(Naming.snake(callee).toUpperCase(Locale.ROOT) + "_ADDRESS", address));
    }
    // a service behind the BFF still verifies the user's token the BFF forwards
    if ((isPublic || modules.stream().anyMatch(Service::isPublic)) && verifiesTokens(plan)) {
      settings.add(Setting.same(OIDC_DISCOVERY_URL, plan.blueprint().defaults().oidcDiscoveryUrl()));
    }
    Telemetry telemetry = Telemetry.of(plan);
    if (!telemetry.scraped()) {
      // no Collector runs on a laptop: the SDK stays off there, and where the runtime has none
      settings.add(Setting.same("OTEL_SERVICE_NAME", name));
      if (!telemetry.endpoint().isEmpty()) {
        settings.add(Setting.same("OTEL_EXPORTER_OTLP_ENDPOINT", telemetry.endpoint()));
      }
      boolean none = telemetry.collector().placement() == Telemetry.Placement.NONE;
      settings.add(new Setting("OTEL_SDK_DISABLED", "true", none ? "true" : "false"));
    }
    return new Deployable(name, plan.requirements().project().name(), language, grpc, isPublic,
        modules.stream().map(Service::name).toList(), calls, callers, backing, settings, secrets, sizing);
  }

  /** Whether services authenticate with client certificates (to the broker too) rather than passwords. */
  public static boolean mutualTls(Plan plan) {
    return choice(plan, "authentication", plan.requirements().security().authentication().spelling()).equals("mtls");
  }

  /**
   * An infrastructure container gives way to a deployable of the same name: {@code -infra} is
   * appended to its name until no deployable has it ({@code kafka} → {@code kafka-infra},
   * {@code shop-db} → {@code shop-db-infra}). The deployables' names are the user's; these are ours.
   */
  static Backing rename(Backing b, Set<String> deployables) {
    String host = b.host();
    while (deployables.contains(host)) {
      host += "-infra";
    }
    return host.equals(b.host()) ? b : new Backing(host, b.technology(), b.localPort(), b.clusterPort(), b.role());
  }

  /** Whether callers present tokens the services verify against the identity provider's keys. */
  public static boolean verifiesTokens(Plan plan) {
    String auth = choice(plan, "authentication", plan.requirements().security().authentication().spelling());
    return auth.equals("oidc") || auth.equals("jwt");
  }

  public static Backing database(String deployable, String technology) {
    String host = deployable + "-db";
    return switch (technology) {
      case "mysql" -> new Backing(host, technology, 3306, 3306, "database");
      case "mongodb" -> new Backing(host, technology, 27017, 27017, "database");
      case "cassandra" -> new Backing(host, technology, 9042, 9042, "database");
      case "dynamodb" -> new Backing(host, technology, 8000, 443, "database");
      // PostgreSQL on the laptop (the migrations run on both); CockroachDB's SQL port in the cloud
      case "distributed-sql" -> new Backing(host, technology, 5432, 26257, "database");
      default -> new Backing(host, technology, 5432, 5432, "database");
    };
  }

  /** The broker of {@code technology} as this plan's cloud offers it; its port is {@link #kafkaPort} for Kafka. */
  public static Backing broker(String technology, Plan plan) {
    return switch (technology) {
      // the laptop's plaintext Kafka listens on 9092; the cloud's managed one on its product's TLS port
      case "kafka" -> new Backing("kafka", technology, 9092, kafkaPort(plan.requirements().project().cloud(),
          mutualTls(plan)), "broker");
      case "rabbitmq" -> new Backing("rabbitmq", technology, 5672, 5671, "broker");
      // the cloud's publish/subscribe API: no container in Compose, HTTPS from the cluster
      default -> new Backing("pubsub", technology, 0, 443, "broker");
    };
  }

  /**
   * The port TLS clients reach the cloud's managed Kafka on, the one fact every file (configuration,
   * AsyncAPI, network policies, infra/) renders: Amazon MSK serves SASL/SCRAM on 9096 and client
   * certificates on 9094; Google Cloud Managed Service for Apache Kafka its bootstrap address on
   * 9092 (SASL_SSL); Azure Event Hubs' Kafka endpoint is 9093; a self-run cluster ({@code any}) takes
   * the usual TLS listener, 9093.
   */
  public static int kafkaPort(Cloud cloud, boolean mtls) {
    return switch (cloud) {
      case AWS -> mtls ? 9094 : 9096;
      case GCP -> 9092;
      default -> 9093;
    };
  }

  /** The average CPU use, in percent, every autoscaler (HPA, ECS target tracking) holds: the blueprint's, else 70. */
  public static int cpuTargetPercent(Plan plan) {
    return (int) Math.round(plan.blueprint().capacity() == null ? 70
        : plan.blueprint().capacity().targetUtilization() * 100);
  }

  /** A topic's choice, or {@code otherwise} when the plan does not decide it. */
  public static String choice(Plan plan, String topic, String otherwise) {
    return plan.decision(topic).map(Decision::choice).orElse(otherwise);
  }
}
