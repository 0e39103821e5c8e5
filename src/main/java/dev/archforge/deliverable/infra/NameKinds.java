package dev.archforge.deliverable.infra;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names {@value NamesFitAndDiffer#NAME} checks, by resource type: the argument that holds the name,
 * the length and characters the provider's documentation gives, and where it must be unique.
 */
final class NameKinds {
  private NameKinds() {}

  /**
   * A kind of name: the resource argument that holds it, what the cloud takes, and whether roots must not
   * share it ({@code unique}): anywhere ({@link #ANYWHERE}: the AWS account, all of Azure, a pool id kept
   * 30 days), or in one region ({@link #IN_REGION}: the AWS account and region, where roots of other
   * regions may take the same name).
   */
  record Kind(String type, String argument, int min, int max, Pattern pattern, int unique, String source) {
    Kind(String type, String argument, int min, int max, Pattern pattern, boolean unique, String source) {
      this(type, argument, min, max, pattern, unique ? ANYWHERE : NOT, source);
    }
  }

  static final int NOT = 0;
  static final int ANYWHERE = 1;
  static final int IN_REGION = 2;
  /** Letters, digits and single hyphens, from a letter or digit and not to a hyphen. */
  private static final String HYPHENATED = "[a-zA-Z0-9](?!.*--)([a-zA-Z0-9-]*[a-zA-Z0-9])?";

  static final List<Kind> ALL = List.of(
      new Kind("aws_iam_role", "name", 1, 64, Pattern.compile("[\\w+=,.@-]+"), true,
          "IAM role names: up to 64 letters, digits and +=,.@_-, unique in the AWS account"),
      new Kind("aws_lb", "name", 1, 32, Pattern.compile("(?!internal-)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?"), IN_REGION,
          "load balancer names: up to 32 letters, digits and hyphens, not from or to a hyphen nor from internal-,"
          + " unique in the AWS account and region"),
      new Kind("aws_lb_target_group", "name", 1, 32, Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?"), IN_REGION,
          "target group names: up to 32 letters, digits and hyphens, not from or to a hyphen, unique in the AWS"
          + " account and region"),
      new Kind("aws_ecs_cluster", "name", 1, 255, Pattern.compile("[a-zA-Z0-9_-]+"), IN_REGION,
          "ECS cluster names: up to 255 letters, digits, hyphens and underscores, unique in the AWS account and region"),
      new Kind("aws_eks_cluster", "name", 1, 100, Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*"), IN_REGION,
          "EKS cluster names: up to 100 letters, digits, hyphens and underscores, from a letter or digit, unique in"
          + " the AWS account and region"),
      new Kind("aws_db_instance", "identifier", 1, 63, Pattern.compile("[a-zA-Z](?!.*--)([a-zA-Z0-9-]*[a-zA-Z0-9])?"),
          IN_REGION, "DB instance identifiers: 1 to 63 letters, digits and single hyphens, from a letter, not to a hyphen,"
          + " unique in the AWS account and region"),
      new Kind("aws_elasticache_replication_group", "replication_group_id", 1, 40,
          Pattern.compile("[a-zA-Z](?!.*--)([a-zA-Z0-9-]*[a-zA-Z0-9])?"), IN_REGION, "replication group ids: 1 to 40"
          + " letters, digits and single hyphens, from a letter, not to a hyphen, unique in the AWS account and region"),
      new Kind("google_service_account", "account_id", 6, 30, Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?"), false,
          "service account ids: 6 to 30 lowercase letters, digits and hyphens, from a letter, unique in the project"),
      new Kind("google_iam_workload_identity_pool", "workload_identity_pool_id", 4, 32,
          Pattern.compile("(?!gcp-)[a-z0-9-]+"), true, "workload identity pool ids: 4 to 32 lowercase letters, digits"
          + " and hyphens, not from gcp-; a destroyed pool's id stays taken for 30 days"),
      new Kind("aws_s3_bucket", "bucket", 3, 63, Pattern.compile("(?!xn--|sthree-|amzn-s3-demo-)(?!.*\\.\\.)"
          + "(?!.*(-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)$)[a-z0-9]([a-z0-9.-]*[a-z0-9])?"), true,
          "S3 bucket names: 3 to 63 lowercase letters, digits, dots and hyphens, from and to a letter or digit,"
          + " unique across all of AWS"),
      new Kind("azurerm_key_vault", "name", 3, 24, Pattern.compile("[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]"), true,
          "Key Vault names: 3 to 24 letters, digits and single hyphens, from a letter, unique in Azure"),
      new Kind("azurerm_container_registry", "name", 5, 50, Pattern.compile("[a-zA-Z0-9]+"), true,
          "container registry names: 5 to 50 letters and digits, unique in Azure"),
      new Kind("aws_secretsmanager_secret", "name", 1, 512, Pattern.compile("[a-zA-Z0-9/_+=.@-]+"), IN_REGION,
          "Secrets Manager entry names: up to 512 letters, digits and /_+=.@-, unique in the AWS account and region"),
      new Kind("aws_ecr_repository", "name", 2, 256,
          Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*"), IN_REGION,
          "ECR repository names: 2 to 256 lowercase letters and digits, parts joined by one of ._- and separated by"
          + " /, unique in the AWS account and region"),
      new Kind("aws_cloudwatch_log_group", "name", 1, 512, Pattern.compile("[a-zA-Z0-9_/.#-]+"), IN_REGION,
          "log group names: up to 512 letters, digits and _/.#-, unique in the AWS account and region"),
      new Kind("aws_autoscaling_group", "name", 1, 255, Pattern.compile("[^:\\p{Cntrl}]+"), IN_REGION,
          "auto scaling group names: up to 255 characters, no colon, unique in the AWS account and region"),
      new Kind("aws_launch_template", "name", 3, 128, Pattern.compile("[a-zA-Z0-9().\\-/_]+"), IN_REGION,
          "launch template names: 3 to 128 letters, digits and ().-/_, unique in the AWS account and region"),
      new Kind("aws_kms_alias", "name", 7, 256, Pattern.compile("alias/(?!aws/)[a-zA-Z0-9/_-]+"), IN_REGION,
          "KMS alias names: alias/ and up to 250 letters, digits and /_-, not alias/aws/, unique in the AWS account and"
          + " region"),
      new Kind("aws_msk_cluster", "cluster_name", 1, 64, Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*"), IN_REGION,
          "MSK cluster names: up to 64 letters, digits and hyphens, from a letter or digit, unique in the AWS account"
          + " and region"),
      new Kind("aws_backup_vault", "name", 2, 50, Pattern.compile("[a-zA-Z0-9_-]+"), IN_REGION,
          "backup vault names: 2 to 50 letters, digits, hyphens and underscores, unique in the AWS account and region"),
      new Kind("aws_codebuild_project", "name", 2, 150, Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*"), IN_REGION,
          "CodeBuild project names: 2 to 150 letters, digits, hyphens and underscores, from a letter or digit, unique"
          + " in the AWS account and region"),
      new Kind("aws_iam_instance_profile", "name", 1, 128, Pattern.compile("[\\w+=,.@-]+"), true,
          "instance profile names: up to 128 letters, digits and +=,.@_-, unique in the AWS account"),
      new Kind("aws_sns_topic", "name", 1, 256, Pattern.compile("[a-zA-Z0-9_-]+"), NOT,
          "SNS topic names: up to 256 letters, digits, hyphens and underscores"),
      new Kind("aws_sqs_queue", "name", 1, 80, Pattern.compile("[a-zA-Z0-9_-]+"), NOT,
          "SQS queue names: up to 80 letters, digits, hyphens and underscores"),
      new Kind("azurerm_redis_cache", "name", 1, 63, Pattern.compile(HYPHENATED), true,
          "Redis cache names: up to 63 letters, digits and single hyphens, from and to a letter or digit, unique in"
          + " Azure"),
      new Kind("azurerm_postgresql_flexible_server", "name", 3, 63, Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?"),
          true, "PostgreSQL flexible server names: 3 to 63 lowercase letters, digits and hyphens, from and to a letter"
          + " or digit, unique in Azure"),
      new Kind("azurerm_mysql_flexible_server", "name", 3, 63, Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?"),
          true, "MySQL flexible server names: 3 to 63 lowercase letters, digits and hyphens, from and to a letter"
          + " or digit, unique in Azure"),
      new Kind("azurerm_eventhub_namespace", "name", 6, 50, Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]"), true,
          "Event Hubs namespace names: 6 to 50 letters, digits and hyphens, from a letter, to a letter or digit,"
          + " unique in Azure"),
      new Kind("azurerm_storage_account", "name", 3, 24, Pattern.compile("[a-z0-9]+"), true,
          "storage account names: 3 to 24 lowercase letters and digits, unique in Azure"),
      new Kind("google_artifact_registry_repository", "repository_id", 1, 63,
          Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?"), NOT, "Artifact Registry repository ids: up to 63 lowercase"
          + " letters, digits and hyphens, from a letter, unique in the project and location"),
      new Kind("google_secret_manager_secret", "secret_id", 1, 255, Pattern.compile("[a-zA-Z0-9_-]+"), NOT,
          "Secret Manager ids: up to 255 letters, digits, hyphens and underscores, unique in the project"),
      new Kind("google_pubsub_topic", "name", 3, 255, Pattern.compile("(?!goog)[a-zA-Z][a-zA-Z0-9._~+%-]*"), NOT,
          "Pub/Sub topic names: 3 to 255 letters, digits and ._~+%-, from a letter, not from goog, unique in the"
          + " project"));

}
