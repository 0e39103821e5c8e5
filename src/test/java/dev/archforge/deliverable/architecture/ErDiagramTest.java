package dev.archforge.deliverable.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archforge.deliverable.architecture.ErDiagram.Cardinality;
import dev.archforge.deliverable.architecture.ErDiagram.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErDiagramTest {
  private static final List<Column> ID = List.of(new Column("uuid", "id", List.of("PK"), null));

  @Test
  void writesEntitiesWithTypedKeyedCommentedColumns() {
    ErDiagram d = new ErDiagram().entity("Product", List.of(
        new Column("uuid", "id", List.of("PK"), null),
        new Column("varchar(32)", "sku", List.of("UK"), "not null, \"stock keeping\" #unit"),
        new Column("uuid", "category_id", List.of("FK", "UK"), "")));

    assertThat(d.text()).isEqualTo("""
        erDiagram
          Product {
            uuid id PK
            varchar(32) sku UK "not null, #quot;stock keeping#quot; #35;unit"
            uuid category_id FK, UK
          }""");
  }

  @Test
  void cardinalitiesUseCrowsFootMarkersOnTheirOwnSide() {
    ErDiagram d = new ErDiagram().entity("A", ID).entity("B", ID);
    d.relationship("A", Cardinality.ZERO_OR_MORE, Cardinality.EXACTLY_ONE, "B", "required many-to-one")
        .relationship("A", Cardinality.ZERO_OR_MORE, Cardinality.ZERO_OR_ONE, "B", "optional many-to-one")
        .relationship("A", Cardinality.ZERO_OR_ONE, Cardinality.EXACTLY_ONE, "B", "required one-to-one")
        .relationship("A", Cardinality.EXACTLY_ONE, Cardinality.ZERO_OR_MORE, "B", "one to many")
        .relationship("A", Cardinality.ONE_OR_MORE, Cardinality.ONE_OR_MORE, "B", "at least one");

    assertThat(d.relationships()).extracting(ErDiagram.Relationship::notation)
        .containsExactly("}o--||", "}o--o|", "|o--||", "||--o{", "}|--|{");
    assertThat(d.text()).contains("  A }o--|| B : \"required many-to-one\"");
  }

  @Test
  void namesMermaidReadsAsKeywordsAreQuotedOrSuffixed() {
    ErDiagram d = new ErDiagram().entity("Class", List.of(new Column("uuid", "pk", List.of("UK"), null),
        new Column("int", "to", List.of(), null))).entity("One", ID);
    d.relationship("Class", Cardinality.ZERO_OR_MORE, Cardinality.EXACTLY_ONE, "One", "one");

    assertThat(d.text()).contains("  \"Class\" {", "    uuid pk_ UK", "    int to", "  \"Class\" }o--|| \"One\" : \"one\"");
    assertThat(ErDiagram.ref("Order")).isEqualTo("Order");
  }

  @Test
  void relationshipLabelsAreEscaped() {
    ErDiagram d = new ErDiagram().entity("A", ID).entity("B", ID);
    d.relationship("A", Cardinality.ZERO_OR_MORE, Cardinality.EXACTLY_ONE, "B", "say \"x\"; [y]");
    assertThat(d.text()).endsWith("A }o--|| B : \"say #quot;x#quot;#59; [y]\"");
  }

  @Test
  void aRelationshipMayOnlyJoinWrittenEntities() {
    ErDiagram d = new ErDiagram().entity("A", ID);
    assertThatThrownBy(() -> d.relationship("A", Cardinality.ZERO_OR_MORE, Cardinality.EXACTLY_ONE, "Ghost", "x"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'Ghost' is not written");
  }

  @Test
  void unsafeNamesTypesAndKeysAreRefused() {
    assertThatThrownBy(() -> new ErDiagram().entity("Order Line", ID)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ErDiagram().entity("A", List.of(new Column("decimal(12,2)", "x", List.of(), null))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ErDiagram().entity("A", List.of(new Column("int", "x", List.of("PRIMARY"), null))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ErDiagram().entity("A", ID).entity("A", ID)).isInstanceOf(IllegalStateException.class);
  }
}
