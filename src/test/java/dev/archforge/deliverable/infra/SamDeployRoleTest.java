package dev.archforge.deliverable.infra;

import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.content;
import static dev.archforge.deliverable.infra.ImagesComeFromRegistryTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.deploy.CloudNames;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The role the SAM deploy job assumes may change its root's stack alone: the stack's change sets, the
 * functions the SAM template names (by ARN, with their versions and alias), the event source mappings of
 * those functions, and the roles SAM creates for them, which it may pass to Lambda and no other.
 */
class SamDeployRoleTest {
  private static final Pattern FUNCTION = Pattern.compile("^    \"([a-z0-9-]+)\" = \"([A-Za-z0-9-]+)\"$", Pattern.MULTILINE);

  @Test
  void theDeployRoleNamesTheStacksFunctionsAndTheirRolesAlone() throws Exception {
    List<Artifact> all = render("aws", "serverless");
    assertThat(InfraSamplesTest.check(all)).isEmpty();
    String module = content(all, "infra/modules/ci-identity/main.tf");
    assertThat(module).doesNotContain("lambda:*", "function:${var.project}-*", "role/${var.stack}-*")
        .contains("Resource = local.functions", "Condition = { ArnLike = { \"lambda:FunctionArn\" = local.functions } }",
            "Resource  = local.roles\n        Condition = { StringEquals = { \"iam:PassedToService\" = \"lambda.amazonaws.com\" } }",
            "roles     = [for prefix in values(var.functions) : \"arn:aws:iam::${data.aws_caller_identity.this.account_id}"
                + ":role/${prefix}*\"]");
    // every function the template deploys, and only those, with the role SAM names after its logical id
    JsonNode template = GeneratedYaml.mapper().readTree(content(all, "deploy/sam/template.yaml"));
    List<String> expected = new ArrayList<>();
    template.path("Resources").fields().forEachRemaining(r -> {
      if (r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
        expected.add(r.getValue().path("Properties").path("FunctionName").asText() + " shop-prod-" + r.getKey() + "Role-");
      }
    });
    List<String> granted = new ArrayList<>();
    for (Matcher m = FUNCTION.matcher(content(all, "infra/envs/prod/main.tf")); m.find(); ) {
      granted.add(m.group(1) + " " + m.group(2));
    }
    assertThat(expected).isNotEmpty();
    assertThat(granted).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(content(all, "infra/envs/staging/main.tf")).contains("= \"shop-staging-");
  }

  @Test
  void theRolePatternMatchesTheNamesCloudFormationGivesEvenWhenItCutsThem() {
    // short enough: <stack>-<logical id>-<12 random characters>, matched whole up to the random tail
    assertThat(matches("shop-prod", "catalog", "shop-prod-CatalogFunctionRole-A1B2C3D4E5F6")).isTrue();
    assertThat(matches("shop-prod", "catalog", "shop-prod-CatalogFunctionRoleX-A1B2C3D4E5F6")).isFalse();
    // too long: a role CloudFormation named for a 26-character stack (github.com/KensioSoftware/yulin/issues/1113)
    assertThat(matches("ChineseboostAnalyticsStack", "rainlytics-summaries-job",
        "ChineseboostAnalyticsStac-RainlyticsSummariesJobFun-UjecjFhpdr1d")).isTrue();
    // a short stack and a long logical id: either way of cutting keeps the stack and 25 of the logical id
    // (CloudFormation's two readings: the logical id cut to 25, or to what the short stack leaves)
    String service = "order-fulfilment-coordinator-service";
    assertThat(matches("shop-prod", service, "shop-prod-OrderFulfilmentCoordinato-A1B2C3D4E5F6")).isTrue();
    assertThat(matches("shop-prod", service, "shop-prod-OrderFulfilmentCoordinatorServiceFunction-A1B2C3D4E5F6")).isTrue();
    assertThat(matches("shop-prod", service, "shop-prod-OrderFulfilmentOther-A1B2C3D4E5F6")).isFalse();
  }

  @Test
  void theDeployRoleMayDoWhatCloudFormationsHandlersCall() {
    String module = content(render("aws", "serverless"), "infra/modules/ci-identity/main.tf");
    assertThat(module).contains("\"lambda:GetFunctionCodeSigningConfig\"", "\"lambda:GetFunctionRecursionConfig\"",
        "\"iam:ListRolePolicies\"", "\"iam:ListAttachedRolePolicies\"", "\"iam:UpdateAssumeRolePolicy\"");
  }

  /** Whether the deploy role's pattern {@code role/<prefix>*} matches the role named {@code name}. */
  private static boolean matches(String stack, String deployable, String name) {
    return name.length() <= 64 && name.startsWith(CloudNames.lambdaRolePrefix(stack, deployable));
  }
}
