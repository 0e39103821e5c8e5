package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library of samples/evolution on DynamoDB, through the CLI: dynamodb.json always shows the
 * design the requirements describe, and its changelog says what each later version changed and
 * whether it is online. A new index and a new index attribute are; a changed table key is not, so
 * that run exits 4 and writes nothing until --allow-destructive. (Exit 0 means the run's DynamoDB
 * check, the AWS SDK's model, accepted the file.)
 */
class DynamoEvolutionCliTest {
  private static final String FILE = "workspaces/backend-architect/db/library/dynamodb.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void theChangelogSaysWhatChangedAndAKeyChangeNeedsConsent() throws IOException {
    String out = tmp.resolve("workspaces").toString();
    String v1 = Files.readString(Path.of("samples/evolution/library-v1.yaml"))
        .replace("database: postgresql", "database: dynamodb");
    String v2 = v1.replace("      isbn:  { type: string, maxLength: 13, unique: true }\n",
            "      isbn:  { type: string, maxLength: 13, unique: true }\n"
            + "      genre: { type: enum, values: [fiction, science] }\n")
        .replace("      member: { to: Member, kind: many-to-one, required: true }\n",
            "      member: { to: Member, kind: many-to-one, required: true }\n"
            + "      librarian: { to: Member, kind: many-to-one }\n");
    String v3 = v2.replace("      title: { type: string, maxLength: 200, required: true }\n",
        "      title: { type: string, maxLength: 200, required: true }\n      tenantId: { type: uuid, required: true }\n");

    assertThat(generate(v1, "v1.yaml", out).code()).isZero();
    assertThat(changelog()).isEmpty();

    CliRunner.Run second = generate(v2, "v2.yaml", out, "--json");

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(entries()).contains("2 DDB101 GSI3 online", "2 DDB102 Book.GSI1PK online", "2 DDB102 Loan.GSI3PK online");
    assertThat(changelog().toString()).contains("UpdateTable: Create GSI3 (GSI3PK HASH, GSI3SK RANGE, projection ALL)");
    assertThat(new ObjectMapper().readTree(second.out()).get("migrations").findValuesAsText("path"))
        .contains("db/library/dynamodb.json");

    CliRunner.Run refused = generate(v3, "v3.yaml", out);

    assertThat(refused.code()).isEqualTo(4);
    assertThat(refused.err()).contains("DDB201 change the table's key").contains("(Book.PK)")
        .contains("Not online").contains("--allow-destructive")
        .contains("the DynamoDB design's changelog records each", "A DynamoDB design does not follow")
        .doesNotContain("SQL migration", "EC104", "CQL");
    assertThat(entries()).noneMatch(e -> e.startsWith("3 "));

    CliRunner.Run consented = generate(v3, "v3.yaml", out, "--allow-destructive");

    assertThat(consented.code()).as(consented.err()).isZero();
    assertThat(entries()).contains("2 DDB101 GSI3 online", "3 DDB201 Book.PK not online", "3 DDB201 Loan.PK not online");

    assertThat(generate(v3, "v3.yaml", out).code()).isZero();
    assertThat(entries()).noneMatch(e -> e.startsWith("4 "));
  }

  private CliRunner.Run generate(String yaml, String name, String out, String... more) throws IOException {
    Path input = tmp.resolve(name);
    Files.writeString(input, yaml);
    List<String> args = new ArrayList<>(List.of("generate", input.toString(), "-o", out));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  private JsonNode changelog() throws IOException {
    return JSON.readTree(tmp.resolve(FILE).toFile()).get("changelog");
  }

  /** Each changelog entry as {@code version code subject online|not online}. */
  private List<String> entries() throws IOException {
    List<String> entries = new ArrayList<>();
    changelog().forEach(e -> entries.add(e.get("version").asInt() + " " + e.get("code").asText() + " "
        + e.get("subject").asText() + " " + (e.get("online").asBoolean() ? "online" : "not online")));
    return entries;
  }
}
