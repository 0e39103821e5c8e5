package dev.archforge.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactsTest {

  @Test
  void keepsValuesTypesAndOrder() {
    Facts facts = Facts.builder()
        .number("team.size", 8.0)
        .text("project.cloud", "aws")
        .flag("compliance.pciDss", null)
        .texts("compliance", List.of("gdpr"))
        .build();
    assertThat(facts.names())
        .containsExactly("team.size", "project.cloud", "compliance.pciDss", "compliance");
    assertThat(facts.value("team.size")).isEqualTo(8.0);
    assertThat(facts.value("project.cloud")).isEqualTo("aws");
    assertThat(facts.value("compliance.pciDss")).isNull();
    assertThat(facts.value("compliance")).isEqualTo(List.of("gdpr"));
    assertThat(facts.value("unknown")).isNull();
    assertThat(facts.typeOf("compliance.pciDss")).contains(Type.BOOLEAN);
    assertThat(facts.typeOf("compliance")).contains(Type.TEXT_LIST);
    assertThat(facts.typeOf("unknown")).isEmpty();
    assertThat(facts.asMap()).containsEntry("compliance.pciDss", null).hasSize(4);
    assertThat(facts.asMap().keySet()).containsExactlyElementsOf(facts.names());
  }

  @Test
  void isImmutable() {
    List<String> tags = new ArrayList<>(List.of("a"));
    Facts facts = Facts.builder().texts("tags", tags).build();
    tags.add("b");
    assertThat(facts.value("tags")).isEqualTo(List.of("a"));
    assertThatThrownBy(() -> facts.asMap().put("x", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> facts.names().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesWhatAConditionCouldNotUse() {
    assertThatThrownBy(() -> Facts.builder().number("a", 1.0).text("a", "x"))
        .hasMessage("fact 'a' is given twice");
    assertThatThrownBy(() -> Facts.builder().number("team size", 1.0))
        .hasMessage("'team size' is not a valid fact name");
    assertThatThrownBy(() -> Facts.builder().number("x", Double.NaN))
        .hasMessage("fact 'x' must be a finite number, not NaN");
    assertThatThrownBy(() -> Facts.builder().texts("x", Arrays.asList("a", null)))
        .hasMessage("fact 'x' holds a null item");
  }

  @Test
  void typesHaveLowerCaseDisplayNames() {
    assertThat(Arrays.stream(Type.values()).map(Type::displayName))
        .containsExactly("number", "text", "boolean", "list of text");
  }
}
