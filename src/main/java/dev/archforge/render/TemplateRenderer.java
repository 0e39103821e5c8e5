package dev.archforge.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.PathGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.OutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FreeMarker set up for templates we do not fully trust (a user's overlay folder): no {@code ?new},
 * no {@code ?api}, nothing of an object but what archforge's view records declare
 * ({@link ViewAccessPolicy}: no {@code getClass()}), strict on undefined values, auto-escaping by
 * file type ({@code .yaml.ftl} and {@code .md.ftl}); no control character in any output (what a
 * format did not escape is written visibly, {@link ControlCharacters}). Templates come from the
 * overlay folders first, then from the jar. With overlay folders, every template runs under limits
 * ({@link LimitedRun}): time, output size and recursion depth. One renderer serves every
 * deliverable of a run; a renderer keeps the templates it parsed, so a renderer without overlays
 * may serve several runs.
 */
public final class TemplateRenderer {
  private final Configuration config;
  private final LimitedRun limits;

  /** @param overlays folders searched before the built-in templates, first wins */
  public TemplateRenderer(List<Path> overlays) {
    this(overlays, overlays.isEmpty() ? null : LimitedRun.DEFAULT);
  }

  /** With these limits on every template; none when {@code limits} is null. */
  TemplateRenderer(List<Path> overlays, LimitedRun limits) {
    this.config = configure(overlays);
    this.limits = limits;
  }

  /**
   * Renders {@code templates/<name>} with one typed record as {@code model}.
   *
   * @throws RenderException when the template is missing or fails
   */
  public String render(String name, Object model) {
    try {
      Template template = config.getTemplate(name);
      if (limits != null) {
        return ControlCharacters.escape(limits.render(template, Map.of("model", model)));
      }
      StringWriter out = new StringWriter();
      template.process(Map.of("model", model), out);
      return ControlCharacters.escape(out.toString());
    } catch (IOException e) {
      throw new RenderException("template " + name + ": " + e.getMessage(), e);
    } catch (TemplateException e) {
      throw new RenderException("template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
    }
  }

  private static Configuration configure(List<Path> overlays) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setLocale(java.util.Locale.ROOT);
    cfg.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setLocalizedLookup(false);
    // a template is read once: the jar does not change under a running process, and a renderer of
    // overlay folders serves one run (FreeMarker would look at the source again every 5 s)
    cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    cfg.setTemplateLoader(loader(overlays));
    var wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    wrapper.setExposeFields(false);
    wrapper.setMemberAccessPolicy(new ViewAccessPolicy());
    cfg.setObjectWrapper(wrapper.build());
    cfg.setCustomNumberFormats(Map.<String, TemplateNumberFormatFactory>of(
        YamlNumberFormatFactory.NAME, new YamlNumberFormatFactory()));
    cfg.setNumberFormat("@" + YamlNumberFormatFactory.NAME);
    cfg.setBooleanFormat("c");
    cfg.setRegisteredCustomOutputFormats(List.of(YamlOutputFormat.INSTANCE, MarkdownOutputFormat.INSTANCE));
    cfg.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
        formatFor("yaml", YamlOutputFormat.INSTANCE), formatFor("md", MarkdownOutputFormat.INSTANCE), hcl(),
        // a YAML template's strings are JSON strings, numbers and booleans bare: the same escaping serves JSON
        formatFor("json", YamlOutputFormat.INSTANCE))
        .allowNoMatch(true));
    return cfg;
  }

  /** OpenTofu templates ({@code .tf.ftl}) interpolate as {@code [=x]}: {@code ${...}} is HCL's own. */
  private static ConditionalTemplateConfigurationFactory hcl() {
    TemplateConfiguration tc = new TemplateConfiguration();
    tc.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
    return new ConditionalTemplateConfigurationFactory(new PathGlobMatcher("**/*.tf.ftl"), tc);
  }

  private static ConditionalTemplateConfigurationFactory formatFor(String extension, OutputFormat format) {
    TemplateConfiguration tc = new TemplateConfiguration();
    tc.setOutputFormat(format);
    return new ConditionalTemplateConfigurationFactory(new PathGlobMatcher("**/*." + extension + ".ftl"), tc);
  }

  private static TemplateLoader loader(List<Path> overlays) {
    List<TemplateLoader> loaders = new ArrayList<>();
    for (Path dir : overlays) {
      try {
        loaders.add(new FileTemplateLoader(dir.toFile()));
      } catch (IOException e) {
        throw new RenderException("template folder " + dir + " cannot be read: " + e.getMessage(), e);
      }
    }
    loaders.add(new ClassTemplateLoader(TemplateRenderer.class, "/templates"));
    return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
  }
}
