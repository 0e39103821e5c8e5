package dev.archforge.render;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The escaping of control characters, with its quick check for text that has none, against a plain reading of the rule. */
class ControlCharactersTest {

  @Property(tries = 2000)
  void escapesExactlyWhatTheRuleNames(@ForAll("texts") String text) {
    assertThat(ControlCharacters.escape(text)).isEqualTo(reference(text));
  }

  @Property(tries = 300)
  void textWithoutControlCharactersIsReturnedAsItIs(@ForAll("plain") String text) {
    assertThat(ControlCharacters.escape(text)).isSameAs(text);
  }

  @Example
  void examples() {
    assertThat(ControlCharacters.escape("a\u001b[31mred")).isEqualTo("a\\u001b[31mred");
    assertThat(ControlCharacters.escape("line\r\nnext\rover")).isEqualTo("line\r\nnext\\u000dover");
    assertThat(ControlCharacters.escape("end\r")).isEqualTo("end\\u000d");
    assertThat(ControlCharacters.escape("\u0085 after \uD83D\uDE00 \u0000")).isEqualTo("\\u0085 after \uD83D\uDE00 \\u0000");
    assertThat(ControlCharacters.escape("tab\tand é ü ÿ \u0100")).isEqualTo("tab\tand é ü ÿ \u0100");
  }

  /** Text mixing plain ASCII, Latin-1, characters beyond it (surrogate pairs too), control characters and line breaks. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Character> chars = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.chars().range(' ', '~')),
        net.jqwik.api.Tuple.of(4, Arbitraries.chars().range('\u00a0', '\u00ff')),
        net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('\u0100', '\uffff')),
        net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001f')),
        net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u007f', '\u009f')),
        net.jqwik.api.Tuple.of(3, Arbitraries.of('\r', '\n', '\t')));
    return chars.list().ofMaxSize(60).map(list -> {
      StringBuilder sb = new StringBuilder();
      list.forEach(sb::append);
      return sb.toString();
    });
  }

  @Provide
  Arbitrary<String> plain() {
    return texts().map(t -> t.replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]", "x"));
  }

  /** The rule read plainly: each control character, and each carriage return not followed by a line feed, made visible. */
  private static String reference(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean loneReturn = c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
      boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
      sb.append(control || loneReturn ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
