package dev.archforge.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlLinesTest {
  private static final String YAML = """
      a:
        b: 1
        list:
          - x
          - name: first
            c: 2
          - [1, 2]
        "odd/key~": 3
      d: {e: 5}
      """;

  @Test
  void mapsPointersToTheLineOfTheirKeyOrItem() {
    YamlLines lines = YamlLines.of(YAML);
    assertThat(lines.line("/a")).isEqualTo(1);
    assertThat(lines.line("/a/b")).isEqualTo(2);
    assertThat(lines.line("/a/list")).isEqualTo(3);
    assertThat(lines.line("/a/list/0")).isEqualTo(4);
    assertThat(lines.line("/a/list/1")).isEqualTo(5);
    assertThat(lines.line("/a/list/1/c")).isEqualTo(6);
    assertThat(lines.line("/a/list/2")).isEqualTo(7);
    assertThat(lines.line("/a/odd~1key~0")).isEqualTo(8);
    assertThat(lines.line("/d/e")).isEqualTo(9);
  }

  @Test
  void anUnknownPointerFallsBackToItsNearestAncestor() {
    YamlLines lines = YamlLines.of(YAML);
    assertThat(lines.line("/a/list/1/missing")).isEqualTo(5);
    assertThat(lines.line("/nothing")).isZero();
    assertThat(lines.line("")).isZero();
    assertThat(YamlLines.of("a: [").line("/a")).isZero();
  }
}
