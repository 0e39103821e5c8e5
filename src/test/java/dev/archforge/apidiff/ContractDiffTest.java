package dev.archforge.apidiff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.facts.SharedKinds;
import dev.archforge.model.ApiChange;
import dev.archforge.model.Artifact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contracts that appear, disappear or cannot be read; the changes inside them are ApiChangesCliTest's. */
class ContractDiffTest {
  private static final String PROTO = """
      syntax = "proto3";
      package lib.stock.v1;
      message Copy {
        string id = 1;
      }
      """;

  @Test
  void aFirstRunHasNothingToCompare() {
    assertThat(ContractDiff.compare(List.of(), List.of(proto("api/stock/stock.proto", PROTO)))).isEmpty();
  }

  @Test
  void aRemovedContractBreaksAndANewOneDoesNot() {
    List<ApiChange> changes = ContractDiff.compare(List.of(proto("api/stock/stock.proto", PROTO)),
        List.of(proto("api/shelves/shelves.proto", PROTO), new Artifact("README.md", "# x", Artifact.Kind.MARKDOWN)));

    assertThat(changes).containsExactly(
        new ApiChange("shelves", "api/shelves/shelves.proto", "new contract", false),
        new ApiChange("stock", "api/stock/stock.proto", "removed contract: the service no longer offers this API", true));
  }

  @Test
  void aPreviousContractThatCannotBeReadIsLeftToAPerson() {
    List<ApiChange> changes = ContractDiff.compare(List.of(proto("api/stock/stock.proto", "message {")),
        List.of(proto("api/stock/stock.proto", PROTO)));

    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.breaking()).isTrue();
      assertThat(c.change()).startsWith("not compared, the previous contract could not be read");
    });
  }

  @Test
  void identicalContractsHaveNoChanges() {
    assertThat(ContractDiff.compare(List.of(proto("api/stock/stock.proto", PROTO)),
        List.of(proto("api/stock/stock.proto", PROTO)))).isEmpty();
  }

  private static Artifact proto(String path, String content) {
    return new Artifact(path, content, SharedKinds.PROTO);
  }
}
