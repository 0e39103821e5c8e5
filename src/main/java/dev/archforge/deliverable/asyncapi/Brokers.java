package dev.archforge.deliverable.asyncapi;

import dev.archforge.deliverable.asyncapi.SecuritySchemeView.ScopeView;
import dev.archforge.deliverable.asyncapi.ServerView.VariableView;
import dev.archforge.facts.deploy.Backing;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.KafkaAuth;
import dev.archforge.facts.messaging.Transport;
import dev.archforge.model.Cell;
import dev.archforge.model.Cloud;
import dev.archforge.model.Decision;
import dev.archforge.model.Plan;
import java.util.List;

/**
 * The servers of the document and how services authenticate to them. Hosts are placeholders
 * under {@code example.com} (or the cloud's public endpoint) that each environment replaces;
 * credentials never appear: the descriptions say where they come from.
 */
final class Brokers {
  static final String GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
  static final String GOOGLE_PUBSUB_SCOPE = "https://www.googleapis.com/auth/pubsub";

  private final Transport transport;
  private final Backing broker;
  private final String project;
  private final Cloud cloud;
  private final boolean mtls;
  private final KafkaAuth kafkaAuth;
  private final String secrets;
  private final List<Cell> cells;
  private final boolean residency;

  /**
   * @param deployables what is deployed: the broker is the one their configuration points at (its
   *     container may have been renamed to give way to a service of its name)
   */
  Brokers(Plan plan, Transport transport, List<Deployable> deployables) {
    this.transport = transport;
    this.broker = deployables.stream().flatMap(d -> d.backing().stream()).filter(b -> b.role().equals("broker"))
        .findFirst().orElseGet(() -> Deployables.broker(transport == Transport.KAFKA ? "kafka" : "rabbitmq", plan));
    this.project = plan.requirements().project().name();
    this.cloud = plan.requirements().project().cloud();
    this.mtls = Deployables.mutualTls(plan);
    this.kafkaAuth = KafkaAuth.of(plan);
    this.secrets = secretsStore(plan.decision("secrets").map(Decision::choice).orElse(""));
    this.cells = plan.cells().cells();
    this.residency = plan.cells().residency();
  }

  List<ServerView> servers() {
    String scheme = schemes().stream().map(SecuritySchemeView::name).findFirst().orElse(null);
    return switch (transport) {
      case KAFKA -> List.of(new ServerView("kafka", address(), "kafka-secure", null,
          "Kafka", kafkaOffering() + " TLS on port " + broker().clusterPort() + ". The host is a placeholder, the "
              + "one the services' configuration names: each environment sets its cluster's bootstrap servers.",
          List.of(), scheme, "https://schema-registry." + project + ".example.com"));
      case RABBITMQ -> List.of(new ServerView("rabbitmq", address(), "amqps",
          "0.9.1", "RabbitMQ", rabbitOffering() + " AMQP 0-9-1 over TLS on port " + broker().clusterPort()
              + ", virtual host `/`. The host is a placeholder, the one the services' configuration names: each "
              + "environment sets its broker's address.", List.of(), scheme, null));
      case GOOGLE_PUBSUB -> List.of(new ServerView("googlePubSub", "pubsub.googleapis.com:443", "googlepubsub",
          null, "Google Cloud Pub/Sub", "Google Cloud Pub/Sub's global endpoint; topics and subscriptions live in "
              + "the system's Google Cloud project.", List.of(), scheme, null));
      case AWS_SNS_SQS -> List.of(
          new ServerView("sns", "sns.{region}.amazonaws.com", "sns", null, "Amazon SNS", "Publishers send to SNS "
              + "topics. " + awsAuth(), List.of(region()), null, null),
          new ServerView("sqs", "sqs.{region}.amazonaws.com", "sqs", null, "Amazon SQS", "Consumers receive from "
              + "their own SQS queues, subscribed to the topics. " + awsAuth(), List.of(region()), null, null));
      case AZURE_SERVICE_BUS -> List.of(new ServerView("serviceBus", project + ".servicebus.windows.net", "amqps",
          "1.0", "Azure Service Bus", "The Service Bus namespace of the system (AMQP 1.0 over TLS): one topic per "
              + "publisher and event, one subscription per consumer. Services authenticate with their managed "
              + "identities (Microsoft Entra ID); no connection string or key is stored in configuration.",
          List.of(), null, null));
      case UNNAMED_BROKER, IN_PROCESS -> List.of();
    };
  }

  /** The broker the deployables reach in the cluster: the same host and port as their configuration. */
  private Backing broker() {
    return broker;
  }

  private String address() {
    return broker().clusterHost() + ":" + broker().clusterPort();
  }

  List<SecuritySchemeView> schemes() {
    return switch (transport) {
      case KAFKA -> List.of(kafkaAuth.equals(KafkaAuth.MTLS)
          ? new SecuritySchemeView("kafkaMtls", "X509", "Mutual TLS: each service presents its own client "
              + "certificate, issued by the platform's certificate authority and rotated automatically. Topic ACLs "
              + "name the certificate's subject: a service writes only its own topics and reads only those it "
              + "consumes, in its own consumer group.", null, List.of())
          : kafkaAuth.equals(KafkaAuth.PLAIN) && cloud == Cloud.GCP
          ? new SecuritySchemeView("kafkaPlain", kafkaAuth.scheme(), "SASL PLAIN over TLS, as Google Cloud Managed "
              + "Service for Apache Kafka takes it: each service's user name is its own service account's email and "
              + "its password that account's key (its key file, base64-encoded), both read at runtime from "
              + secrets + ", never written in configuration or in this document. The account holds "
              + "roles/managedkafka.client (infra/modules/identity).",
              null, List.of())
          : kafkaAuth.equals(KafkaAuth.PLAIN)
          ? new SecuritySchemeView("kafkaPlain", kafkaAuth.scheme(), "SASL PLAIN over TLS, as Event Hubs' Kafka "
              + "endpoint takes it: each service's user name is `$ConnectionString` and its password the connection "
              + "string of a shared access policy, both read at runtime from " + secrets + ", never written in "
              + "configuration or in this document. Give each service a policy on the event hubs it uses, with Send "
              + "on those it publishes and Listen on those it consumes, in its own consumer group.", null, List.of())
          : new SecuritySchemeView("kafkaScram", kafkaAuth.scheme(), "SASL/SCRAM-SHA-512 over TLS: one user per "
              + "service, its password read at runtime from " + secrets + ", never written in configuration or in "
              + "this document. Topic ACLs name the user: a service writes only its own topics and reads only those "
              + "it consumes, in its own consumer group.", null, List.of()));
      case RABBITMQ -> List.of(mtls
          ? new SecuritySchemeView("amqpMtls", "X509", "Mutual TLS with the EXTERNAL mechanism: each service "
              + "presents its own client certificate, rotated automatically. Permissions on the virtual host let a "
              + "service write only to its own exchange and read only its own queue.", null, List.of())
          : new SecuritySchemeView("amqpUserPassword", "userPassword", "One user per service over TLS, its "
              + "password read at runtime from " + secrets + ", never written in configuration or in this "
              + "document. Permissions on the virtual host let a service write only to its own exchange and read "
              + "only its own queue.", null, List.of()));
      case GOOGLE_PUBSUB -> List.of(new SecuritySchemeView("googleServiceAccount", "oauth2", "OAuth 2.0 access "
          + "tokens of each service's own service account (Workload Identity; no key files). IAM grants "
          + "roles/pubsub.publisher on the service's own topics and roles/pubsub.subscriber on its own "
          + "subscriptions.", GOOGLE_TOKEN_URL, List.of(new ScopeView(GOOGLE_PUBSUB_SCOPE,
          "Publish to topics and pull from subscriptions."))));
      case AWS_SNS_SQS, AZURE_SERVICE_BUS, UNNAMED_BROKER, IN_PROCESS -> List.of();
    };
  }

  /** How services authenticate, in a sentence, for the document's description. */
  String authentication() {
    return switch (transport) {
      case KAFKA, RABBITMQ, GOOGLE_PUBSUB -> schemes().get(0).description();
      case AWS_SNS_SQS -> awsAuth();
      case AZURE_SERVICE_BUS -> "Services authenticate with their managed identities (Microsoft Entra ID); no "
          + "connection string or key is stored in configuration.";
      case UNNAMED_BROKER -> "Each service authenticates to the broker with its own identity; credentials come from "
          + secrets + " and never appear in this document.";
      case IN_PROCESS -> "Events never leave the process, so there is nothing to authenticate.";
    };
  }

  private String kafkaOffering() {
    return switch (cloud) {
      case AWS -> "Amazon MSK.";
      case GCP -> "Google Cloud Managed Service for Apache Kafka.";
      case AZURE -> "Azure Event Hubs' Kafka endpoint.";
      case ANY -> "A managed Kafka (Confluent Cloud, Aiven) or the platform's own cluster.";
    };
  }

  private String rabbitOffering() {
    return switch (cloud) {
      case AWS -> "Amazon MQ for RabbitMQ.";
      case GCP, AZURE, ANY -> "A managed RabbitMQ (CloudAMQP) or the platform's own cluster.";
    };
  }

  private static String awsAuth() {
    return "Services sign requests with the IAM role of their workload (Signature Version 4); no access key is "
        + "stored in configuration. A publisher may publish only to its own topics, a consumer read only its own "
        + "queues.";
  }

  /** The AWS region of the server: one of the cells' serving regions (the cells decide them, once). */
  private VariableView region() {
    List<String> allowed = cells.stream().flatMap(c -> c.serving().stream()).toList();
    String description = residency ? "The AWS region of the cell the service runs in: " + String.join("; ",
        cells.stream().map(c -> c.jurisdiction() + " in " + String.join(", ", c.serving())).toList())
        + ". A cell's services use only its own region's topics and queues; no subscription crosses cells."
        : "The AWS region the system runs in.";
    return new VariableView("region", allowed.isEmpty() ? "REGION" : allowed.get(0), description, allowed);
  }

  private static String secretsStore(String choice) {
    return switch (choice) {
      case "kubernetes-secrets" -> "a Kubernetes Secret";
      case "cloud-secret-manager" -> "the cloud's secret manager";
      case "vault" -> "HashiCorp Vault";
      default -> "the secrets store";
    };
  }
}
