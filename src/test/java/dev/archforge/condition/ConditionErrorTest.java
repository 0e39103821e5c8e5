package dev.archforge.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * Conditions that must be refused, each with the exact place of the problem: the caret line
 * under the condition marks the expected offset.
 */
class ConditionErrorTest {

  private static void refused(String text, String caret, String message) {
    ConditionException e =
        catchThrowableOfType(ConditionException.class, () -> Catalog.parse(text));
    assertThat(e).as(text).isNotNull();
    assertThat(e.getMessage()).as(text).isEqualTo(message);
    assertThat(e.offset()).as(text + " — " + message).isEqualTo(caret.indexOf('^'));
  }

  @Test
  void unknownFactsAreNamedWithAHint() {
    refused("team.sise <= 10",
        "^",
        "unknown fact 'team.sise' — did you mean 'team.size'?");
    refused("team.size <= 10 and servces.count > 1",
        "                    ^",
        "unknown fact 'servces.count' — did you mean 'services.count'?");
    refused("capacity.peak > 1",
        "^",
        "unknown fact 'capacity.peak' — did you mean 'capacity.peakRps'?");
    refused("zzz.qqq > 1",
        "^",
        "unknown fact 'zzz.qqq'");
    refused("NOT a",
        "^",
        "unknown fact 'NOT' — keywords are written in lower case: 'not'");
    refused("a AND b",
        "  ^",
        "unexpected 'AND' here — keywords are written in lower case: 'and'");
  }

  @Test
  void typeErrorsPointAtTheOffendingPart() {
    refused("project.cloud == 3",
        "              ^",
        "cannot compare text 'project.cloud' with a number");
    refused("compliance == \"x\"",
        "           ^",
        "cannot compare list of text 'compliance' with text");
    refused("team.size and a",
        "^",
        "'and' needs true/false on both sides, 'team.size' is a number");
    refused("a and team.size + 1",
        "      ^",
        "'and' needs true/false on both sides, 'team.size + 1' is a number");
    refused("a or (project.cloud)",
        "     ^",
        "'or' needs true/false on both sides, '(project.cloud)' is text");
    refused("not team.size",
        "    ^",
        "'not' needs true/false after it, 'team.size' is a number");
    refused("project.cloud < 3",
        "^",
        "'<' needs numbers on both sides, 'project.cloud' is text");
    refused("3 >= a",
        "     ^",
        "'>=' needs numbers on both sides, 'a' is true/false");
    refused("team.size + \"x\" > 1",
        "            ^",
        "'+' needs numbers on both sides, '\"x\"' is text");
    refused("-project.cloud == 1",
        " ^",
        "'-' needs a number after it, 'project.cloud' is text");
    refused("team.size in compliance",
        "^",
        "'in' looks for text in a list of text, 'team.size' is a number");
    refused("team.size in [\"a\", \"b\"]",
        "^",
        "'in' looks for text in a list of text, 'team.size' is a number");
    refused("project.cloud in [1, 2]",
        "^",
        "'in' looks for a number in a list of numbers, 'project.cloud' is text");
    refused("project.cloud in project.domain",
        "                 ^",
        "'in' needs a list on its right, 'project.domain' is text");
    refused("project.cloud contains \"x\"",
        "^",
        "'contains' needs a list on its left, 'project.cloud' is text");
    refused("compliance contains 1",
        "                    ^",
        "'contains' looks for text in a list of text, '1' is a number");
    refused("null > 1",
        "^",
        "null can only be compared with '==' or '!='");
    refused("team.size > 1 and null",
        "                  ^",
        "null can only be compared with '==' or '!='");
  }

  @Test
  void theWholeConditionMustBeTrueOrFalse() {
    refused("team.size * 2", "^", "a condition must be true or false, this is a number");
    refused("  project.cloud", "^", "a condition must be true or false, this is text");
    refused("compliance", "^", "a condition must be true or false, this is a list of text");
    refused("null", "^", "a condition must be true or false, this is null");
  }

  @Test
  void syntaxErrorsPointAtTheirPlace() {
    refused("1 < team.size < 10",
        "              ^",
        "comparisons cannot be chained; join them with 'and'");
    refused("(team.size > 1",
        "              ^",
        "expected ')' here");
    refused("(team.size > 1 a)",
        "               ^",
        "expected ')' here");
    refused("project.cloud == \"aws",
        "                 ^",
        "unterminated string");
    refused("project.cloud == 'it\\'s",
        "                 ^",
        "unterminated string");
    refused("project.cloud == \"a\\nb\"",
        "                   ^",
        "unknown escape in string; only \\\", \\' and \\\\ are allowed");
    refused("", "^", "the condition is empty");
    refused("   ", "^", "the condition is empty");
    refused("team.size >",
        "           ^",
        "the condition ends too early; expected a value");
    refused("team.size > 1 a",
        "              ^",
        "unexpected 'a' here");
    refused("a and and b",
        "      ^",
        "expected a value here, found 'and'");
    refused("a and )",
        "      ^",
        "expected a value here, found ')'");
    refused("team.size = 1",
        "          ^",
        "use '==' to compare");
    refused("a && b",
        "  ^",
        "use 'and' instead of '&&'");
    refused("a || b",
        "  ^",
        "use 'or' instead of '||'");
    refused("!a",
        "^",
        "use 'not' or '!='");
    refused("team.size > 1 $",
        "              ^",
        "unexpected character '$'");
    refused("team. > 1",
        "     ^",
        "a name part after '.' must start with a letter");
    refused("team.size_max > 1",
        "         ^",
        "unexpected character '_'");
    refused("1. > 0",
        "  ^",
        "a number needs digits after '.'");
    refused("1e > 0",
        "  ^",
        "a number needs digits after the exponent 'e'");
    refused("team.size > 12abc",
        "              ^",
        "a number cannot run into a name; put a space between");
    refused("team.size > 1e999",
        "            ^",
        "the number 1e999 is too large");
  }

  @Test
  void listsWrittenOutHoldOnlyTextOrOnlyNumbers() {
    refused("project.cloud in [\"a\", 1]",
        "                       ^",
        "a list must hold only text or only numbers");
    refused("project.cloud in [project.domain]",
        "                  ^",
        "a list can hold only text or numbers written out, found 'project.domain'");
    refused("project.cloud in [\"a\" \"b\"]",
        "                      ^",
        "expected ',' or ']' here");
    refused("project.cloud in [\"a\",]",
        "                      ^",
        "a list can hold only text or numbers written out, found ']'");
  }

  @Test
  void aListCanHoldAtMost200Items() throws ConditionException {
    String items200 = "1" + ",1".repeat(199);
    assertThat(Catalog.parse("team.size in [" + items200 + "]").test(Catalog.TYPES)).isFalse();
    String text = "team.size in [" + items200 + ",2]";
    refused(text, " ".repeat(text.indexOf(",2]") + 1) + "^", "a list can hold at most 200 items");
  }

  @Test
  void aConditionCanBeAtMost2000CharactersLong() throws ConditionException {
    String longest = "a" + " ".repeat(1999);
    assertThat(Catalog.parse(longest).text()).hasSize(2000);
    refused(longest + " ", " ".repeat(2000) + "^",
        "a condition can be at most 2000 characters long");
  }

  @Test
  void deepNestingIsRefusedWithoutOverflowingTheStack() throws ConditionException {
    refused("(".repeat(100) + "a" + ")".repeat(100), " ".repeat(40) + "^",
        "the condition is nested too deeply (at most 40 levels)");
    refused("not ".repeat(100) + "a", " ".repeat(4 * 40) + "^",
        "the condition is nested too deeply (at most 40 levels)");
    refused("-".repeat(100) + "1 > 0", " ".repeat(40) + "^",
        "the condition is nested too deeply (at most 40 levels)");
    refused("(not ".repeat(25) + "a" + ")".repeat(25), " ".repeat(5 * 20) + "^",
        "the condition is nested too deeply (at most 40 levels)");
    assertThat(Catalog.parse("(".repeat(40) + "a" + ")".repeat(40)).test(Catalog.facts("a", true)))
        .isTrue();
  }
}
