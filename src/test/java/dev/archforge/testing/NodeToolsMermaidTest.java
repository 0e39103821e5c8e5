package dev.archforge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.archforge.testing.NodeTools.MermaidError;
import dev.archforge.testing.NodeTools.MermaidReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real mermaid package, run by {@link NodeTools}, accepts good diagrams and refuses bad ones. */
class NodeToolsMermaidTest {
  @TempDir Path tmp;

  private static final String VALID = """
      # Architecture

      ## Context

      ```mermaid
      C4Context
        title System context for Shop
        Person(customer, "Customer", "Buys things")
        System(shop, "Shop", "Sells things")
        System_Ext(pay, "Payments", "Takes the money")
        Rel(customer, shop, "Uses", "HTTPS")
        Rel(shop, pay, "Charges", "HTTPS")
      ```

      ## Containers

      ```mermaid
      C4Container
        title Containers of Shop
        Person(customer, "Customer")
        System_Boundary(shop, "Shop") {
          Container(api, "API", "Java 17", "Takes orders")
          ContainerDb(db, "Database", "PostgreSQL", "Keeps orders")
        }
        Rel(customer, api, "Calls", "HTTPS/JSON")
        Rel(api, db, "Reads and writes", "JDBC")
      ```

      ## Data

      ```mermaid
      erDiagram
        CUSTOMER ||--o{ ORDER : places
        ORDER ||--|{ LINE_ITEM : contains
        ORDER {
          uuid id PK
          uuid customer_id FK
          string status
        }
      ```

      ```yaml
      not: mermaid
      ```

      ## Placing an order

      ```mermaid
      sequenceDiagram
        participant C as Customer
        participant A as API
        C->>A: POST /orders
        A-->>C: 201 Created
      ```

      ## Order states

      ```mermaid
      flowchart LR
        A[Client] --> B{Valid?}
        B -->|yes| C[(Store)]
        B -->|no| D[Reject]
      ```
      """;

  // Broken blocks open at lines 3, 8, 13 and 18; the valid ones at 23 and 28 are not reported.
  private static final String BROKEN = """
      # Broken

      ```mermaid
      erDiagram
        A ||--o{ : bad
      ```

      ```mermaid
      sequenceDiagram
        A->>: x
      ```

      ```mermaid
      flowchart LR
        A[unclosed --> B
      ```

      ```mermaid
      C4Context
        Person(customer "Customer")
      ```

      ```mermaid
      flowchart TD
        A --> B
      ```

      ```mermaid
      sequenceDiagram
        A->>B: fine
      ```
      """;

  @Test
  void everyDiagramTypeParses() throws Exception {
    Path file = write("ARCHITECTURE.md", VALID);

    MermaidReport report = NodeTools.mermaid(List.of(file));

    assertThat(report.errors()).isEmpty();
    assertThat(report.blocks()).isEqualTo(5);
  }

  @Test
  void brokenBlocksAreReportedAtTheirOpeningFence() throws Exception {
    Path file = write("BROKEN.md", BROKEN);

    MermaidReport report = NodeTools.mermaid(List.of(file));

    assertThat(report.blocks()).isEqualTo(6);
    assertThat(report.errors())
        .extracting(MermaidError::file, MermaidError::line, MermaidError::diagramType)
        .containsExactly(
            tuple(file.toAbsolutePath().toString(), 3, "er"),
            tuple(file.toAbsolutePath().toString(), 8, "sequence"),
            tuple(file.toAbsolutePath().toString(), 13, "flowchart-v2"),
            tuple(file.toAbsolutePath().toString(), 18, "c4"));
    assertThat(report.errors()).allSatisfy(e -> assertThat(e.message()).contains("Parse error"));
  }

  @Test
  void severalFilesInOneRun() throws Exception {
    Path valid = write("a/ARCHITECTURE.md", VALID);
    Path broken = write("b/BROKEN.md", BROKEN);

    MermaidReport report = NodeTools.mermaid(List.of(valid, broken));

    assertThat(report.blocks()).isEqualTo(11);
    assertThat(report.errors())
        .extracting(MermaidError::file)
        .containsOnly(broken.toAbsolutePath().toString())
        .hasSize(4);
  }

  private Path write(String name, String content) throws Exception {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
