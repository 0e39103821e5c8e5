package dev.archforge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An overlay template runs under limits and sees the view and nothing behind it: each refusal is a
 * render error naming the template, never a hang, a huge file or a stack trace.
 */
class TemplateLimitsTest {
  /** Small limits, so the tests are quick; the defaults are the same mechanism. */
  private static final LimitedRun SMALL = new LimitedRun(TimeUnit.MILLISECONDS.toNanos(300), 1024 * 1024, 1L << 20);

  /** A view record as a template gets one. */
  public record View(String name) {}

  @TempDir
  Path overlay;

  private String render(String template) throws IOException {
    return render(template, SMALL);
  }

  private String render(String template, LimitedRun limits) throws IOException {
    Files.writeString(overlay.resolve("t.md.ftl"), template);
    return new TemplateRenderer(List.of(overlay), limits).render("t.md.ftl", new View("shop"));
  }

  @Test
  void aViewIsReadAsUsual() throws IOException {
    assertThat(render("name: ${model.name}\n")).isEqualTo("name: shop\n");
  }

  @Test
  void nothingBehindTheViewIsReachable() {
    for (String template : List.of("${model.class}", "${model.getClass()}", "${model.getClass().getName()}",
        "${model.name.getClass()}", "${model.name.class}")) {
      assertThatThrownBy(() -> render(template)).as(template).isInstanceOf(RenderException.class)
          .hasMessageContaining("t.md.ftl");
    }
  }

  @Test
  void aTemplateThatRunsTooLongIsStopped() {
    assertThatThrownBy(() -> render("<#list 1..2000000000 as i><#if i == 0>never</#if></#list>"))
        .isInstanceOf(RenderException.class).hasMessageContaining("template t.md.ftl")
        .hasMessageContaining("was stopped: it ran longer than 0.3 s");
  }

  @Test
  void aTemplateThatWritesTooMuchIsStopped() {
    LimitedRun patient = new LimitedRun(TimeUnit.SECONDS.toNanos(60), 1024 * 1024, 1L << 20);
    assertThatThrownBy(() -> render("<#list 1..100000000 as i>0123456789</#list>", patient))
        .isInstanceOf(RenderException.class).hasMessageContaining("template t.md.ftl")
        .hasMessageContaining("its output passed 1 MiB");
  }

  @Test
  void endlessRecursionIsStoppedWithoutAStackTrace() {
    assertThatThrownBy(() -> render("<#macro r n>x<@r n + 1/></#macro><@r 0/>"))
        .isInstanceOf(RenderException.class).hasMessageContaining("template t.md.ftl")
        .hasMessageContaining("recursion went deeper than the stack allows");
  }
}
