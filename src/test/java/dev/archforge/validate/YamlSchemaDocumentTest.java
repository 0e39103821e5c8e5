package dev.archforge.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archforge.model.Artifact;
import org.junit.jupiter.api.Test;

/** The {@code $ref}s of a document: every one with a text value, at its JSON Pointer, in document order. */
class YamlSchemaDocumentTest {
  @Test
  void refsAreListedAtTheirPointersWithKeysEscaped() {
    String yaml = """
        openapi: 3.0.3
        paths:
          /things/{id}:
            get:
              parameters:
                - $ref: '#/components/parameters/id'
                - name: limit
                  schema: { $ref: '#/components/schemas/Limit' }
        components:
          schemas:
            a~b:
              properties:
                $ref: { type: string }
                items: { type: array, items: [ { $ref: 'other.yaml#/X' } ] }
        """;
    YamlSchemaDocument.Parsed doc = YamlSchemaDocument.read(new Artifact("api.yaml", yaml, Artifact.Kind.YAML), "t", "OpenAPI");
    assertThat(YamlSchemaDocument.refs(doc.tree())).containsExactly(
        new YamlSchemaDocument.Ref("/paths/~1things~1{id}/get/parameters/0/$ref", "#/components/parameters/id"),
        new YamlSchemaDocument.Ref("/paths/~1things~1{id}/get/parameters/1/schema/$ref", "#/components/schemas/Limit"),
        new YamlSchemaDocument.Ref("/components/schemas/a~0b/properties/items/items/0/$ref", "other.yaml#/X"));
  }
}
