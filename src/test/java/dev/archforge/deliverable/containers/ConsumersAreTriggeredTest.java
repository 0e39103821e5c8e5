package dev.archforge.deliverable.containers;

import static dev.archforge.deliverable.containers.ServerlessWorkspaces.edited;
import static dev.archforge.deliverable.containers.ServerlessWorkspaces.file;
import static dev.archforge.deliverable.containers.ServerlessWorkspaces.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Functions are triggered by what they consume: event source mappings in the SAM template, KEDA
 * scale rules on Container Apps (Kafka lag, Service Bus subscriptions), pulling Cloud Run services
 * for Kafka, Pub/Sub push subscriptions in infra; rule {@value ConsumersAreTriggered#NAME} catches a receive operation nothing triggers,
 * and the Container Apps check refuses a scale rule it cannot run.
 */
class ConsumersAreTriggeredTest {
  private static final Pipeline PIPELINE = ServerlessWorkspaces.PIPELINE;
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String LEDGER_APP = "deploy/containerapps/ledger.containerapp.yaml";

  private static List<String> findings(List<Artifact> all) {
    return new ConsumersAreTriggered().validate(all).stream().map(Finding::message).toList();
  }

  @Test
  void onAzureEachKafkaConsumerScalesOnItsGroupsLagWithTheBrokerUserFromKeyVault() throws IOException {
    List<Artifact> all = render("fintech-ledger", "azure", "serverless");
    assertThat(findings(all)).isEmpty();
    JsonNode rules = YAML.readTree(file(all, LEDGER_APP).content()).at("/properties/template/scale/rules");
    assertThat(rules).isNotEmpty().allSatisfy(r -> {
      assertThat(r.at("/custom/type").asText()).isEqualTo("kafka");
      assertThat(r.at("/custom/metadata/consumerGroup").asText()).isEqualTo("paystream.ledger");
      assertThat(r.at("/custom/metadata/bootstrapServers").asText()).isEqualTo("kafka.internal.example:9093");
      assertThat(r.at("/custom/auth/1/secretRef").asText()).isEqualTo("broker-password");
    });
    assertThat(rules).extracting(r -> r.at("/custom/metadata/topic").asText())
        .contains("paystream.accounts.account-opened.v1", "paystream.transfers.transfer-requested.v1");
    assertThat(file(all, "deploy/containerapps/accounts.containerapp.yaml").content()).doesNotContain("rules:");

    List<Artifact> broken = edited(all, LEDGER_APP, "topic: \"paystream.accounts.account-opened.v1\"",
        "topic: \"paystream.accounts.account-closed.v1\"");
    assertThat(findings(broken)).singleElement().asString().startsWith("ledger.receiveAccountOpened receives "
        + "paystream.accounts.account-opened.v1 in group paystream.ledger but no trigger starts it");
    assertThat(PIPELINE.validate(broken)).extracting(Finding::validator).contains(ConsumersAreTriggered.NAME);
  }

  @Test
  void onAzureServiceBusSubscriptionsScaleTheirConsumerWithItsOwnIdentity() throws IOException {
    List<Artifact> all = render("saas-projects", "azure", "serverless");
    assertThat(findings(all)).isEmpty();
    Artifact app = file(all, "deploy/containerapps/notifications.containerapp.yaml");
    JsonNode doc = YAML.readTree(app.content());
    JsonNode rule = doc.at("/properties/template/scale/rules/0/custom");
    assertThat(rule.path("type").asText()).isEqualTo("azure-servicebus");
    assertThat(rule.at("/metadata/namespace").asText()).isEqualTo("taskhub-prod-bus");
    assertThat(rule.at("/metadata/subscriptionName").asText()).isEqualTo("notifications");
    assertThat(rule.path("identity").asText()).isEqualTo(doc.at("/identity/userAssignedIdentities").fieldNames()
        .next());
    assertThat(rule.has("auth")).isFalse();
    assertThat(findings(edited(all, app.path(), "subscriptionName: \"notifications\"",
        "subscriptionName: \"someone-else\""))).singleElement().asString().contains("notifications.receive")
        .contains("from notifications but no trigger starts it");
  }

  @Test
  void onCloudRunAKafkaConsumerPullsWithItsCpuKept() throws IOException {
    List<Artifact> all = render("fintech-ledger", "gcp", "serverless");
    assertThat(findings(all)).isEmpty();
    String ledger = "deploy/cloudrun/ledger.service.yaml";
    JsonNode template = YAML.readTree(file(all, ledger).content()).at("/spec/template");
    assertThat(template.at("/metadata/annotations/run.googleapis.com~1cpu-throttling").asText()).isEqualTo("false");
    assertThat(file(all, ledger).content()).contains("KAFKA_CONSUMER_GROUP\"\n              value: \"paystream.ledger\"");
    assertThat(file(all, "deploy/cloudrun/accounts.service.yaml").content()).doesNotContain("cpu-throttling");
    assertThat(findings(edited(all, ledger, "cpu-throttling: \"false\"", "cpu-throttling: \"true\"")))
        .isNotEmpty().allMatch(m -> m.startsWith("ledger.receive"));
  }

  @Test
  void onGcpEveryPubSubSubscriptionPushesToItsConsumerInEveryRoot() {
    List<Artifact> all = render("saas-projects", "gcp", "serverless");
    assertThat(findings(all)).isEmpty();
    String prod = "infra/envs/prod/main.tf";
    assertThat(file(all, prod).content()).contains("\"taskhub.projects.project-archived.v1.comments\" = { endpoint ="
        + " \"https://comments-${data.google_project.this.number}.").contains("/pubsub/push\", service_account ="
        + " module.identity.emails[\"comments\"] }");
    assertThat(findings(edited(all, prod, "\"taskhub.projects.project-archived.v1.comments\" = { endpoint =",
        "\"taskhub.projects.project-archived.v1.other\" = { endpoint ="))).singleElement().asString()
        .startsWith("comments.receiveProjectArchived receives taskhub.projects.project-archived.v1 from "
            + "taskhub.projects.project-archived.v1.comments but no trigger");
    // managed containers on gcp pull from their subscriptions: no push, and the rule does not apply
    List<Artifact> managed = render("saas-projects", "gcp", "managed-containers");
    assertThat(file(managed, prod).content()).doesNotContain("push = {");
    assertThat(findings(managed)).isEmpty();
  }

  @Test
  void onAwsEachConsumedTopicHasAnEventSourceMappingInItsGroup() {
    List<Artifact> all = render("fintech-ledger", "aws", "serverless");
    assertThat(findings(all)).isEmpty();
    String sam = "deploy/sam/template.yaml";
    assertThat(findings(edited(all, sam, "ConsumerGroupId: \"paystream.ledger\"", "ConsumerGroupId: \"paystream.x\"")))
        .singleElement().asString().startsWith("ledger.receive").contains("in group paystream.ledger but no trigger");
    List<Artifact> queues = render("saas-projects", "aws", "serverless");
    assertThat(findings(queues)).isEmpty();
    assertThat(findings(edited(queues, sam, "EventSourceArn: \"arn:aws:sqs:us-east-1:111122223333:taskhub-comments\"",
        "EventSourceArn: \"arn:aws:sqs:us-east-1:111122223333:taskhub-other\""))).singleElement().asString()
        .startsWith("comments.receiveProjectArchived");
  }

  @Test
  void aScaleRuleContainerAppsCannotRunIsRejected() {
    Artifact app = file(render("fintech-ledger", "azure", "serverless"), LEDGER_APP);
    ContainerAppsValidator validator = new ContainerAppsValidator();
    assertThat(validator.validate(app)).isEmpty();
    for (String[] change : List.of(
        new String[] {"secretRef: \"broker-password\"\n                triggerParameter",
            "secretRef: \"kafka-password\"\n                triggerParameter", "secretRef kafka-password names no secret"},
        new String[] {"\n              consumerGroup: \"paystream.ledger\"", "", "the kafka scaler needs"},
        new String[] {"lagThreshold: \"100\"", "lagThreshold: 100", "non-empty strings"},
        new String[] {"type: \"kafka\"", "type: \"kafka-lag\"", "is not a scaler"},
        new String[] {"- name: \"ledger-kafka-1\"", "- name: \"Ledger_Kafka\"", "lowercase"},
        new String[] {"            auth:\n", "            auths:\n", "`auths` is not a member here"})) {
      Artifact broken = new Artifact(app.path(), app.content().replaceFirst(Pattern.quote(change[0]),
          Matcher.quoteReplacement(change[1])), app.kind());
      assertThat(broken.content()).as(change[0]).isNotEqualTo(app.content());
      assertThat(validator.validate(broken)).as(change[0]).extracting(Finding::message)
          .anySatisfy(m -> assertThat(m).contains(change[2]));
    }
  }
}
