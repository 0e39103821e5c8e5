package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.content;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.asyncapi.AsyncApiPlans;
import dev.archforge.facts.Facts;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.model.Artifact;
import dev.archforge.pipeline.Pipeline;
import dev.archforge.render.TemplateRenderer;
import dev.archforge.testing.Hcl2Json;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large serverless system on aws deploys: its SAM template passes the 51,200 bytes CloudFormation takes
 * inline, so every root creates a private, encrypted, versioned artifacts bucket, the deploy role may put and
 * get its objects alone, and the deploy job hands sam deploy that bucket, named from the same fact.
 */
class SamArtifactsTest {
  /** The most bytes of a template CloudFormation takes in the request itself (TemplateBody). */
  private static final int INLINE_MOST = 51_200;
  private static final int SERVICES = 25;
  private static final Pattern SAM_DEPLOY = Pattern.compile("(?s)STACK: \"?([^\"\\s]+)\"?\\n.*?ARTIFACTS: \"?([^\"\\s]+)\"?\\n          KEY_ALIAS: \"?([^\"\\s]+)\"?\\n.*?"
      + "sam deploy [^\\n]*\\\\\\n\\s+--s3-bucket \"\\$ARTIFACTS-\\$account\" --s3-prefix \"\\$STACK\" \\\\\\n"
      + "\\s+--kms-key-id \"arn:aws:kms:\\$AWS_REGION:\\$account:\\$KEY_ALIAS\"");

  /**
   * A system of {@code n} services, each with an entity of its own, public, calling the next and consuming
   * the event the one before publishes: one serverless function each, with its secret, callee and topic.
   */
  static String services(int n) {
    StringBuilder yaml = new StringBuilder("archforge: 1\n\nproject:\n  name: fleet\n  cloud: aws\n\nservices:\n");
    for (int i = 1; i <= n; i++) {
      yaml.append("  part-").append(i).append(":\n    exposure: public\n    entities: [Part").append(i).append("]\n")
          .append("    publishes: [Part").append(i).append("Changed]\n");
      if (i > 1) {
        yaml.append("    consumes: [Part").append(i - 1).append("Changed]\n");
      }
      if (i < n) {
        yaml.append("    calls: [part-").append(i + 1).append("]\n");
      }
    }
    yaml.append("\nentities:\n");
    for (int i = 1; i <= n; i++) {
      yaml.append("  Part").append(i).append(":\n    fields:\n      label: text\n");
    }
    yaml.append("\nevents:\n");
    for (int i = 1; i <= n; i++) {
      yaml.append("  Part").append(i).append("Changed:\n    fields:\n      partId: { type: uuid, required: true }\n");
    }
    return yaml.toString();
  }

  static List<Artifact> large() {
    var plan = AsyncApiPlans.variant("fleet.yaml", services(SERVICES), "aws", "aws",
        Map.of("architecture-style", "microservices", "deployment", "serverless")).plan();
    return Pipeline.standard().render(Facts.of(plan), new TemplateRenderer(List.of()));
  }

  @Test
  void aTemplateOverTheInlineLimitIsDeployedThroughTheRootsBucket() {
    List<Artifact> all = large();
    String template = content(all, "deploy/sam/template.yaml");
    assertThat(template.split("Type: AWS::Serverless::Function", -1)).hasSize(SERVICES + 1);
    assertThat(template.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(INLINE_MOST);
    assertThat(InfraSamplesTest.check(all)).isEmpty();
    assertThat(new NamesFitAndDiffer().validate(all)).isEmpty();
    // every stage's job passes its root's bucket and key, the names the fact gives that root
    String workflow = content(all, ".github/workflows/deploy.yaml");
    Matcher job = SAM_DEPLOY.matcher(workflow);
    List<String> roots = List.of("dev", "staging", "prod");
    for (String root : roots) {
      assertThat(job.find()).as(root).isTrue();
      assertThat(job.group(2)).isEqualTo(CloudNames.samArtifactsPrefix("fleet", root));
      assertThat(job.group(3)).isEqualTo("alias/fleet-" + root);
      assertThat(job.group(1)).isEqualTo("fleet-" + root);
      // the root creates that bucket under that key's alias
      String main = content(all, "infra/envs/" + root + "/main.tf");
      assertThat(main).contains("module \"sam_artifacts\" {\n  source        = \"../../modules/sam-artifacts\"\n"
          + "  bucket_prefix = \"" + job.group(2) + "\"\n  kms_key_arn   = module.kms.key_arn\n",
          "module \"kms\" {\n  source = \"../../modules/kms\"\n  name   = local.name\n",
          "name = \"" + job.group(3).substring("alias/".length()) + "\"",
          "artifacts_bucket_arn     = module.sam_artifacts.arn\n  artifacts_key_arn        = module.kms.key_arn\n");
    }
    assertThat(job.find()).isFalse();
    // the READMEs name the bucket from the same fact, and say how to deploy by hand
    assertThat(content(all, "infra/README.md")).contains("| `modules/sam-artifacts` | the private bucket",
        "`" + CloudNames.samArtifactsPrefix("fleet", "prod") + "-<account id>` in `envs/prod`");
    assertThat(content(all, "deploy/sam/README.md")).contains("add `--s3-bucket`, `--s3-prefix`\nand `--kms-key-id`");
    assertThat(content(all, "infra/modules/kms/main.tf")).contains("name          = \"alias/${var.name}\"");
  }

  @Test
  void eachCellsProductionRootHasItsOwnBucketWhichItsJobNames() {
    List<Artifact> all = InfraSamplesTest.render("clinic-residency.yaml", "aws", Map.of("deployment", "serverless"));
    assertThat(InfraSamplesTest.check(all)).isEmpty();
    assertThat(new NamesFitAndDiffer().validate(all)).isEmpty();
    Matcher job = SAM_DEPLOY.matcher(content(all, ".github/workflows/deploy.yaml"));
    List<String> roots = new java.util.ArrayList<>();
    while (job.find()) {
      String root = job.group(1).substring("clinic-".length());
      roots.add(root);
      assertThat(job.group(2)).isEqualTo(CloudNames.samArtifactsPrefix("clinic", root));
      assertThat(content(all, "infra/envs/" + root + "/main.tf")).contains("bucket_prefix = \"" + job.group(2) + "\"");
    }
    assertThat(roots).contains("dev", "staging", "prod-eu", "prod-us");
  }

  @Test
  void hashiCorpsParserReadsTheRootsAndModules(@TempDir Path dir) throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (Artifact a : large()) {
      if (a.path().endsWith(".tf")) {
        Path file = dir.resolve(a.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, a.content());
        files.add(file);
      }
    }
    assertThat(files).extracting(Path::toString).anyMatch(f -> f.endsWith("modules/sam-artifacts/main.tf"));
    assertThat(Hcl2Json.parse(files).failed()).isEmpty();
  }

  @Test
  void theBucketIsPrivateEncryptedVersionedTlsOnlyAndExpires() {
    String module = content(large(), "infra/modules/sam-artifacts/main.tf");
    assertThat(module).contains("bucket = \"${var.bucket_prefix}-${data.aws_caller_identity.this.account_id}\"",
        "block_public_acls       = true", "block_public_policy     = true", "ignore_public_acls      = true",
        "restrict_public_buckets = true", "object_ownership = \"BucketOwnerEnforced\"",
        "sse_algorithm     = \"aws:kms\"\n      kms_master_key_id = var.kms_key_arn", "status = \"Enabled\"",
        "expiration {\n      days = var.expire_days", "noncurrent_version_expiration {", "tags   = var.tags");
    assertThat(policy(module)).isEmpty();
  }

  @Test
  void aBucketPolicyThatLetsPlainHttpOrAnotherEncryptionInIsCaught() {
    String module = content(large(), "infra/modules/sam-artifacts/main.tf");
    assertThat(policy(module.replace("\"aws:SecureTransport\" = \"false\"", "\"aws:SecureTransport\" = \"true\"")))
        .singleElement().asString().contains("TLS");
    assertThat(policy(module.replace("Effect    = \"Deny\"\n        Principal = \"*\"\n        Action    = [\"s3:*\"]",
        "Effect    = \"Allow\"\n        Principal = \"*\"\n        Action    = [\"s3:*\"]"))).isNotEmpty();
    assertThat(policy(module.replace("\"s3:x-amz-server-side-encryption\" = \"aws:kms\"",
        "\"s3:x-amz-server-side-encryption\" = \"AES256\""))).singleElement().asString().contains("KMS");
    assertThat(policy(module.replace("Resource  = [aws_s3_bucket.this.arn, \"${aws_s3_bucket.this.arn}/*\"]",
        "Resource  = [aws_s3_bucket.this.arn]"))).singleElement().asString().contains("TLS");
    assertThat(policy(module.replace("block_public_policy     = true", "block_public_policy     = false")))
        .singleElement().asString().contains("public");
  }

  @Test
  void theDeployRoleMayPutAndGetTheBucketsObjectsAloneUnderTheRootsKeyThroughS3() {
    String module = content(large(), "infra/modules/ci-identity/main.tf");
    assertThat(role(module)).isEmpty();
    assertThat(role(module.replace("Resource = [\"${var.artifacts_bucket_arn}/*\"]", "Resource = [\"*\"]")))
        .singleElement().asString().contains("bucket");
    assertThat(role(module.replace("Resource = [\"${var.artifacts_bucket_arn}/*\"]",
        "Resource = [\"arn:aws:s3:::*/*\"]"))).singleElement().asString().contains("bucket");
    assertThat(role(module.replace("[\"s3:PutObject\", \"s3:GetObject\"]", "[\"s3:*\"]")))
        .singleElement().asString().contains("put and get");
    assertThat(role(module.replace("[\"s3:PutObject\", \"s3:GetObject\"]", "[\"s3:PutObject\", \"s3:GetObject\", \"s3:DeleteObject\"]")))
        .singleElement().asString().contains("put and get");
    assertThat(role(module.replace("Resource  = [var.artifacts_key_arn]", "Resource  = [\"*\"]")))
        .singleElement().asString().contains("key");
    assertThat(role(module.replace("Condition = { StringEquals = { \"kms:ViaService\" = \"s3.${local.region}.amazonaws.com\" } }\n",
        ""))).singleElement().asString().contains("key");
  }

  /** What is wrong with the artifacts bucket's module: its public access, its policy's denials. */
  static List<String> policy(String module) {
    List<String> wrong = new java.util.ArrayList<>();
    for (String flag : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
      if (!Pattern.compile("(?m)^  " + flag + " += true$").matcher(module).find()) {
        wrong.add(flag + ": the bucket admits public access");
      }
    }
    String statements = block(module, "resource \"aws_s3_bucket_policy\" \"this\" {");
    if (!statements.contains("Sid       = \"TlsOnly\"\n        Effect    = \"Deny\"\n        Principal = \"*\"\n"
        + "        Action    = [\"s3:*\"]\n        Resource  = [aws_s3_bucket.this.arn, \"${aws_s3_bucket.this.arn}/*\"]\n"
        + "        Condition = { Bool = { \"aws:SecureTransport\" = \"false\" } }")) {
      wrong.add("the policy does not deny every request without TLS on the bucket and its objects");
    }
    if (!statements.contains("Effect    = \"Deny\"\n        Principal = \"*\"\n        Action    = [\"s3:PutObject\"]\n"
        + "        Resource  = [\"${aws_s3_bucket.this.arn}/*\"]\n"
        + "        Condition = { StringNotEquals = { \"s3:x-amz-server-side-encryption\" = \"aws:kms\" } }")) {
      wrong.add("the policy does not deny an artifact stored without KMS");
    }
    if (statements.contains("Effect    = \"Allow\"")) {
      wrong.add("the bucket's policy allows: access is the deploy role's IAM policy alone");
    }
    return wrong;
  }

  /** What the deploy role may do with the artifacts beyond putting and getting the root's bucket's objects. */
  static List<String> role(String module) {
    List<String> wrong = new java.util.ArrayList<>();
    String policy = block(module, "resource \"aws_iam_role_policy\" \"deploy\" {");
    List<String> s3 = Pattern.compile("\"(s3:[A-Za-z*]+)\"").matcher(policy).results().map(m -> m.group(1)).toList();
    if (!s3.equals(List.of("s3:PutObject", "s3:GetObject"))) {
      wrong.add("the deploy role may " + s3 + ", not put and get alone");
    }
    Matcher objects = Pattern.compile("Action = \\[\"s3:[^]]*], Resource = \\[([^]]*)]").matcher(policy);
    if (!objects.find() || !objects.group(1).equals("\"${var.artifacts_bucket_arn}/*\"")) {
      wrong.add("the deploy role's S3 rights reach beyond the artifacts bucket's objects");
    }
    if (!policy.contains("Action    = [\"kms:GenerateDataKey\", \"kms:Decrypt\"]\n        Resource  = [var.artifacts_key_arn]\n"
        + "        Condition = { StringEquals = { \"kms:ViaService\" = \"s3.${local.region}.amazonaws.com\" } }")
        || Pattern.compile("\"kms:").matcher(policy).results().count() != 3) {
      wrong.add("the deploy role's use of a key is not the root's key through S3 alone");
    }
    return wrong;
  }

  private static String block(String text, String opening) {
    int start = text.indexOf(opening);
    return start < 0 ? "" : text.substring(start, text.indexOf("\n}\n", start) + 2);
  }

  @Test
  void theBucketsNameFitsS3AndDiffersPerRootEvenForTheLongestProject() {
    String longest = "p" + "x".repeat(39);
    List<String> names = List.of("dev", "staging", "prod", "prod-eu", "prod-us", "prod-warm-standby").stream()
        .map(root -> CloudNames.samArtifactsBucket(longest, root, "123456789012")).toList();
    assertThat(names).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n.length()).isBetween(3, 63))
        .allSatisfy(n -> assertThat(n).matches(NamesFitAndDiffer.KINDS.stream()
            .filter(k -> k.type().equals("aws_s3_bucket")).findFirst().orElseThrow().pattern()));
    assertThat(CloudNames.samArtifactsBucket("shop", "prod", "123456789012")).isEqualTo("shop-prod-sam-artifacts-123456789012");
  }

  @Test
  void aBucketNameTwoRootsShareOrS3RefusesIsCaught() {
    List<Artifact> all = large();
    String dev = "infra/envs/dev/main.tf";
    List<Finding> shared = new NamesFitAndDiffer().validate(edited(all, dev, "fleet-dev-sam-artifacts", "fleet-prod-sam-artifacts"));
    assertThat(shared).extracting(Finding::message).singleElement().asString()
        .contains("aws_s3_bucket.this fleet-prod-sam-artifacts-000000000000", "unique across all of AWS");
    List<Finding> refused = new NamesFitAndDiffer().validate(edited(all, dev, "fleet-dev-sam-artifacts", "Fleet-Dev"));
    assertThat(refused).extracting(Finding::message).singleElement().asString().contains("which the cloud refuses");
  }

  private static List<Artifact> edited(List<Artifact> all, String path, String from, String to) {
    return all.stream().map(a -> a.path().equals(path) ? new Artifact(a.path(), a.content().replace(from, to), a.kind()) : a)
        .toList();
  }
}
