package dev.archforge.deliverable.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidTextTest {
  @Test
  void labelsWriteMermaidsSpecialCharactersAsEntityCodes() {
    assertThat(MermaidText.label("Say \"hi\" #1; 100% <b>&"))
        .isEqualTo("Say #quot;hi#quot; #35;1#59; 100#37; #lt;b#gt;#amp;");
  }

  @Test
  void bracketsParenthesesCommasAndColonsStayAsTheyAre() {
    assertThat(MermaidText.label("List [a, b] (c): {d} |e|")).isEqualTo("List [a, b] (c): {d} |e|");
  }

  @Test
  void labelsAreOneLine() {
    assertThat(MermaidText.label("  first\nsecond\r\n\tthird  ")).isEqualTo("first second third");
    assertThat(MermaidText.label(null)).isEmpty();
  }

  @Test
  void entityCodesInTheInputAreNotTakenAsCodes() {
    assertThat(MermaidText.label("#quot;")).isEqualTo("#35;quot#59;");
  }

  @Test
  void linesAreEscapedOneByOneAndJoinedWithBreaks() {
    assertThat(MermaidText.lines(List.of("a <b>", "c;d"))).isEqualTo("a #lt;b#gt;<br/>c#59;d");
  }

  @Test
  void longSentencesWrapBetweenWords() {
    assertThat(MermaidText.wrap("one two three four five", 9)).containsExactly("one two", "three", "four five");
    assertThat(MermaidText.wrap("unbreakablewordlongerthanwidth x", 5))
        .containsExactly("unbreakablewordlongerthanwidth", "x");
  }

  @Test
  void identifiersKeepOnlySafeCharactersBehindTheirPrefix() {
    assertThat(MermaidText.id("svc", "workspace-graph")).isEqualTo("svc_workspace_graph");
    assertThat(MermaidText.id("role", "end")).isEqualTo("role_end");
    assertThat(MermaidText.id("db", "a b.é\"")).isEqualTo("db_a_b___");
    assertThat(MermaidText.id("x", "1st")).matches("[A-Za-z][A-Za-z0-9_]*");
  }

  @Test
  void aPrefixMustStartWithALetter() {
    assertThatThrownBy(() -> MermaidText.id("1", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MermaidText.id("", "a")).isInstanceOf(IllegalArgumentException.class);
  }
}
