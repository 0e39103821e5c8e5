package dev.archforge.facts;

import dev.archforge.model.Cloud;
import dev.archforge.model.DecisionTopic;
import dev.archforge.model.Digits;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths in the workspace that more than one deliverable (or a cross-file check) names: the
 * deliverable that writes a file takes its path from here, and every file that links to it or
 * checks it too. Paths are relative to the agent folder. Paths that only their own deliverable
 * names stay in that deliverable.
 */
public final class Layout {
  public static final String CONTEXT = "CONTEXT.md";
  public static final String CAPACITY = "CAPACITY.md";
  public static final String ARCHITECTURE = "ARCHITECTURE.md";
  public static final String DECISIONS_INDEX = "decisions/README.md";
  public static final String ASYNCAPI = "api/asyncapi.yaml";
  public static final String DB_README = "db/README.md";
  public static final String SECURITY = "security/SECURITY.md";
  public static final String SLO = "observability/SLO.md";
  public static final String RUNBOOK = "observability/RUNBOOK.md";
  /** The GitHub Actions workflow that builds, tests and pushes the images (its job {@code images}). */
  public static final String CI_WORKFLOW = ".github/workflows/ci.yaml";
  /** The GitHub Actions workflow that deploys each environment: one job per root of infra/, named after it. */
  public static final String DEPLOY_WORKFLOW = ".github/workflows/deploy.yaml";
  /**
   * The deploy workflow's {@code name:}, which the webhook of the AWS CodeBuild runners (infra/'s
   * modules/deploy-runner) admits alone (its WORKFLOW_NAME filter).
   */
  public static final String DEPLOY_WORKFLOW_NAME = "deploy";
  public static final String K8S = "deploy/k8s/";
  /** The AWS SAM templates of {@code deployment: serverless} on aws: {@code template.yaml}, or one per cell's {@code prod-<cell>/}. */
  public static final String SAM = "deploy/sam/";
  /** The cloud-init user data of {@code deployment: vm}: one per deployable, or per cell's {@code prod-<cell>/}. */
  public static final String VM = "deploy/vm/";
  public static final String PROD_OVERLAY = "deploy/k8s/overlays/prod/";
  /** The first migration of every SQL schema. */
  public static final String FIRST_MIGRATION = "V1__initial_schema.sql";

  private static final Pattern DOCKERFILE = Pattern.compile("deploy/([^/]+)/Dockerfile");

  private Layout() {}

  /** {@code 0005-caching.md}: the number is the topic's place in the requirements format, so a record keeps its name. */
  public static String decisionRecordName(String topic) {
    int number = DecisionTopic.byId(topic).orElseThrow().ordinal() + 1;
    return Digits.padded(number, 4) + "-" + topic + ".md";
  }

  /** {@code decisions/0005-caching.md} */
  public static String decisionRecord(String topic) {
    return "decisions/" + decisionRecordName(topic);
  }

  /** {@code api/<service>/openapi.yaml} */
  public static String openApi(String service) {
    return "api/" + service + "/openapi.yaml";
  }

  /** {@code api/<service>/schema.graphql} */
  public static String graphql(String service) {
    return "api/" + service + "/schema.graphql";
  }

  /** {@code api/<service>/<service_snake>.proto} */
  public static String proto(String service) {
    return "api/" + service + "/" + Naming.snake(service) + ".proto";
  }

  /** {@code deploy/<deployable>/Dockerfile} */
  /**
   * The folder of the managed-container descriptors on this cloud, which infra/ and the deploy
   * workflow name: ECS on AWS, Container Apps on Azure, Cloud Run's Knative Services elsewhere.
   */
  public static String managedContainers(Cloud cloud) {
    return switch (cloud) {
      case AWS -> "deploy/ecs/";
      case AZURE -> "deploy/containerapps/";
      default -> "deploy/cloudrun/";
    };
  }

  public static String dockerfile(String deployable) {
    return "deploy/" + deployable + "/Dockerfile";
  }

  /** The deployable whose Dockerfile this path is; null when it is not one. */
  public static String dockerfileOf(String path) {
    Matcher m = DOCKERFILE.matcher(path);
    return m.matches() ? m.group(1) : null;
  }

  /** {@code db/<service>/migrations/V1__initial_schema.sql} */
  public static String firstMigration(String service) {
    return "db/" + service + "/migrations/" + FIRST_MIGRATION;
  }
}
