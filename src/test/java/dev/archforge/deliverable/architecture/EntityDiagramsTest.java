package dev.archforge.deliverable.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.archforge.deliverable.architecture.ErDiagram.Relationship;
import dev.archforge.deliverable.openapi.PlanFixtures;
import dev.archforge.model.Requirements;
import org.junit.jupiter.api.Test;

class EntityDiagramsTest {
  @Test
  void fieldsGetSqlTypesKeysAndComments() {
    Requirements r = PlanFixtures.everything("oidc", "url").requirements();
    String text = EntityDiagrams.of(r, r.service("lab").orElseThrow(), 255, false).diagram().text();

    assertThat(text).contains(
        "    bigint id PK\n",
        "    varchar(12) code UK \"not null\"\n",
        "    varchar(255) title \"not null\"\n",
        "    text body\n",
        "    int count\n",
        "    bigint total\n",
        "    decimal amount \"not null, precision 5, scale 3\"\n",
        "    boolean active\n",
        "    date day\n",
        "    timestamp at \"not null\"\n",
        "    uuid ref UK\n",
        "    varchar(254) contact \"personal data\"\n",
        "    varchar(2048) homepage\n",
        "    varchar(4) level \"one of low | mid | high\"\n",
        "    jsonb settings\n",
        "    bytea avatar\n",
        "    varchar(128) password \"not null, secret, encrypted\"\n",
        "    varchar(255) api_token UK \"secret, encrypted\"\n");
  }

  @Test
  void relationsBecomeForeignKeysJoinTablesAndGeneratedColumns() {
    Requirements r = PlanFixtures.everything("oidc", "url").requirements();
    ErDiagram d = EntityDiagrams.of(r, r.service("lab").orElseThrow(), 255, false).diagram();

    assertThat(d.text()).contains(
        "    bigint owner_id FK \"Person, not null\"\n",
        "    uuid twin_id FK, UK \"Twin\"\n",
        "    timestamp created_at \"not null\"\n    timestamp updated_at \"not null\"\n"
            + "    timestamp deleted_at \"soft delete\"\n  }\n  Person {",
        "  SampleTag {\n    bigint sample_id PK, FK \"Sample\"\n    uuid tag_id PK, FK \"Tag\"\n  }",
        "    bigint sample_id FK \"Sample, not null\"\n");
    assertThat(d.text()).doesNotContain("notes_id", "sample_id FK, UK");
    assertThat(d.text().substring(d.text().indexOf("Person {"), d.text().indexOf("Twin {")))
        .doesNotContain("created_at");
    assertThat(d.entities()).containsExactlyInAnyOrder("Sample", "Person", "Twin", "Tag", "Address", "SampleTag");
    assertThat(d.relationships())
        .extracting(Relationship::left, Relationship::notation, Relationship::right, Relationship::label)
        .containsExactly(
            tuple("Sample", "}o--||", "Person", "owner"),
            tuple("Sample", "|o--o|", "Twin", "twin"),
            tuple("Sample", "||--o{", "SampleTag", "tags"),
            tuple("Tag", "||--o{", "SampleTag", "samples"),
            tuple("Address", "}o--||", "Sample", "sample"));
  }

  @Test
  void idsOfAnotherServicesEntitiesArePlainColumnsWithANote() {
    Requirements r = PlanFixtures.ecommerce().requirements();
    EntityDiagrams.Erd erd = EntityDiagrams.of(r, r.service("orders").orElseThrow(), 255, false);

    assertThat(erd.diagram().text()).contains("    uuid product_id \"id of Product in catalog, not null\"\n");
    assertThat(erd.diagram().relationships()).extracting(Relationship::right).doesNotContain("Product");
    assertThat(erd.notes()).containsExactly("OrderLine.productId holds the id of Product, owned by catalog: a plain id,"
        + " no foreign key across service databases.");
    assertThat(EntityDiagrams.of(r, r.service("inventory").orElseThrow(), 255, true).notes())
        .containsExactly("StockItem.productId holds the id of Product, owned by catalog: a plain id, no foreign key"
            + " across module schemas.");
  }

  @Test
  void aManyToManyDeclaredOnBothSidesGetsOneJoinTable() {
    Requirements r = ArchitecturePlans.hostile();
    ErDiagram d = EntityDiagrams.of(r, r.service("note").orElseThrow(), 255, false).diagram();

    assertThat(d.entities()).containsExactlyInAnyOrder("Class", "One", "ClassOne");
    assertThat(d.relationships())
        .extracting(Relationship::left, Relationship::notation, Relationship::right, Relationship::label)
        .containsExactly(
            tuple("Class", "||--o{", "ClassOne", "ones"),
            tuple("One", "||--o{", "ClassOne", "classes"),
            tuple("Class", "}o--o|", "Class", "parent"),
            tuple("Class", "|o--||", "One", "partner"));
    assertThat(d.text()).contains("  \"Class\" {", "    uuid pk_ UK \"not null\"", "    bigint one_id PK, FK \"One\"");
  }

  @Test
  void idFieldsAreMatchedByTheLongestEntityNameTheyEndWith() {
    Requirements r = PlanFixtures.ecommerce().requirements();
    var field = ArchitecturePlans.field("sourceProductId", dev.archforge.model.FieldType.UUID, false);
    assertThat(EntityDiagrams.referenced(r, field)).contains("Product");
    assertThat(EntityDiagrams.referenced(r, ArchitecturePlans.field("productCode", dev.archforge.model.FieldType.UUID,
        false))).isEmpty();
    assertThat(EntityDiagrams.referenced(r, ArchitecturePlans.field("productId", dev.archforge.model.FieldType.STRING,
        false))).isEmpty();
  }
}
