package dev.archforge.deliverable.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class C4DiagramTest {
  @Test
  void writesElementsBoundariesAndRelsWithEscapedQuotedLabels() {
    C4Diagram d = new C4Diagram("C4Container", "Containers of \"Shop\"");
    d.person("role_customer", "Customer", "Buys \"things\" [new]; #1")
        .boundary("system", "Shop", () -> d.container("svc_orders", "orders", "java, REST/HTTPS", "Takes orders")
            .database("db_orders", "orders database", "PostgreSQL", "Order, OrderLine")
            .queue("broker", "Event broker", "Kafka", "Topics: OrderPlaced"))
        .rel("role_customer", "svc_orders", "Uses", "HTTPS")
        .rel("svc_orders", "db_orders", "Reads and writes", "SQL");

    assertThat(d.text()).isEqualTo("""
        C4Container
          title Containers of #quot;Shop#quot;
          Person(role_customer, "Customer", "Buys #quot;things#quot; [new]#59; #35;1")
          System_Boundary(system, "Shop") {
            Container(svc_orders, "orders", "java, REST/HTTPS", "Takes orders")
            ContainerDb(db_orders, "orders database", "PostgreSQL", "Order, OrderLine")
            ContainerQueue(broker, "Event broker", "Kafka", "Topics: OrderPlaced")
          }
          Rel(role_customer, svc_orders, "Uses", "HTTPS")
          Rel(svc_orders, db_orders, "Reads and writes", "SQL")""");
    assertThat(d.aliases()).containsExactlyInAnyOrder("role_customer", "system", "svc_orders", "db_orders", "broker");
    assertThat(d.rels()).hasSize(2);
  }

  @Test
  void theSameRelIsWrittenOnce() {
    C4Diagram d = new C4Diagram("C4Context", "t").system("a", "A", "").externalSystem("b", "B", null);
    d.rel("a", "b", "Uses", "HTTPS").rel("a", "b", "Uses", "HTTPS");
    assertThat(d.rels()).hasSize(1);
    assertThat(d.text()).contains("System_Ext(b, \"B\", \"\")");
  }

  @Test
  void aRelMayOnlyJoinDeclaredAliases() {
    C4Diagram d = new C4Diagram("C4Context", "t").system("a", "A", "");
    assertThatThrownBy(() -> d.rel("a", "ghost", "Uses", "HTTPS"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'ghost' is not declared");
  }

  @Test
  void aliasesAreSafeAndUnique() {
    C4Diagram d = new C4Diagram("C4Context", "t").system("a", "A", "");
    assertThatThrownBy(() -> d.person("a", "again", "")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> d.person("workspace-graph", "x", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.person("1st", "x", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new C4Diagram("flowchart", "t")).isInstanceOf(IllegalArgumentException.class);
  }
}
