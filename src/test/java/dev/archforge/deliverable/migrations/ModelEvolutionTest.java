package dev.archforge.deliverable.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.deliverable.migrations.CqlEvolution.CqlModel;
import dev.archforge.deliverable.migrations.DynamoEvolution.DynamoModel;
import dev.archforge.deliverable.migrations.DynamoTables.Design;
import dev.archforge.deliverable.migrations.DynamoTables.Index;
import dev.archforge.deliverable.migrations.DynamoTables.Item;
import dev.archforge.deliverable.migrations.DynamoTables.KeyValue;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The differences the CLI tests (CassandraEvolutionCliTest, DynamoEvolutionCliTest) do not reach: a
 * keyspace that gains a region, a removed index and a removed entity, and a recorded model that is
 * read back as it was written.
 */
class ModelEvolutionTest {
  private static final CqlTables.Table BOOK = new CqlTables.Table("book_by_id", "get one Book by its id",
      List.of(new CqlTables.Column("id", "uuid"), new CqlTables.Column("title", "text")), List.of("id"), List.of(),
      List.of());

  @Test
  void aNewRegionAltersTheKeyspacesReplicationWithoutConsent() {
    CqlModel before = new CqlModel("shop_orders", "'dc1': 3", List.of(BOOK));
    CqlModel after = new CqlModel("shop_orders", "'dc1': 3, 'dc2': 3", List.of(BOOK));

    List<ModelChange> changes = CqlEvolution.diff(before, after);

    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.code()).isEqualTo(ModelChangeCode.CQL103);
      assertThat(c.destructive()).isFalse();
      assertThat(c.statement()).isEqualTo("ALTER KEYSPACE shop_orders WITH replication = {'class':"
          + " 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 3};");
    });
    assertThat(new CqlValidator().validate(new dev.archforge.model.Artifact("db/orders/migrations/V2__x.cql",
        changes.get(0).statement() + "\n", MigrationsDeliverable.CQL))).isEmpty();
  }

  @Test
  void theRecordedModelReadsBackAsWrittenAndAnUnchangedOneWritesNoFile() {
    CqlModel model = new CqlModel("shop_orders", "'dc1': 3", List.of(BOOK));

    CqlEvolution e = CqlEvolution.of("orders", model, new TreeMap<>(), ModelJson.write(model));

    assertThat(e.recorded()).isTrue();
    assertThat(e.file()).isNull();
    assertThat(ModelJson.read(ModelJson.write(model), CqlModel.class)).isEqualTo(model);
  }

  @Test
  void aRemovedIndexIsOnlineAndARemovedEntityNeedsConsent() {
    Item book = new Item("Book", List.of(new KeyValue("PK", "BOOK#<id>"), new KeyValue("SK", "BOOK"),
        new KeyValue("GSI1PK", "BOOK#genre#<genre>")));
    Item loan = new Item("Loan", List.of(new KeyValue("PK", "LOAN#<id>"), new KeyValue("SK", "LOAN")));
    DynamoModel before = new DynamoModel(List.of(new Index("GSI1", "GSI1PK", "GSI1SK")), List.of(book, loan), List.of());
    Item plainBook = new Item("Book", book.keys().subList(0, 2));
    Design after = new Design("shop-orders", List.of(), true, 0, 0, List.of(plainBook), List.of());

    List<ModelChange> changes = DynamoEvolution.diff(before, after);

    assertThat(changes).extracting(c -> c.code() + " " + c.subject() + " " + c.destructive())
        .containsExactly("DDB103 GSI1 false", "DDB104 Book.GSI1PK false", "DDB202 Loan true");
    DynamoEvolution e = DynamoEvolution.of("orders", after, ModelJson.write(before));
    assertThat(e.after().changelog()).extracting(DynamoEvolution.Entry::version).containsOnly(2);
    assertThat(e.after().changelog()).extracting(DynamoEvolution.Entry::online).containsOnly(true);
  }
}
