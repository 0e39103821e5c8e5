package dev.archforge.load;

import dev.archforge.model.Compliance;
import dev.archforge.model.Entity;
import dev.archforge.model.Event;
import dev.archforge.model.Jurisdiction;
import dev.archforge.model.Project;
import dev.archforge.model.Requirements;
import dev.archforge.model.Scale;
import dev.archforge.model.Security;
import dev.archforge.model.Service;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a requirements file (format 1) into {@link Requirements}, reporting every problem in one
 * pass. Never prints and never exits: the caller decides what to do with the diagnostics.
 */
public final class RequirementsLoader {
  public static final int FORMAT_VERSION = 1;
  static final List<String> TOP_KEYS = List.of("archforge", "project", "scale", "compliance", "dataResidency",
      "security", "services", "entities", "events", "decisions", "blueprint");

  /**
   * Reads {@code file}, a regular file or a pipe or device, never more than
   * {@link InputBytes#MAX_REQUIREMENTS} bytes of it; an unreadable file is a diagnostic too.
   */
  public LoadResult load(Path file) {
    Diagnostics diagnostics = new Diagnostics(file.toString());
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(InputBytes.read(file, InputBytes.MAX_REQUIREMENTS))).toString();
      return load(file.toString(), text);
    } catch (CharacterCodingException e) {
      diagnostics.errorAtStart("the file is not UTF-8 text");
    } catch (InputBytes.TooLarge e) {
      diagnostics.errorAtStart((e.size() >= 0 ? "the file is too large (" + e.size() + " bytes)"
          : "the input goes on past " + InputBytes.MAX_REQUIREMENTS / (1024 * 1024) + " MiB (a pipe or device"
              + " that never ends?); reading stopped there") + "; a requirements file is a few hundred kilobytes at most");
    } catch (IOException e) {
      diagnostics.errorAtStart(InputBytes.whyUnreadable(file, e));
    }
    return new LoadResult(Optional.empty(), diagnostics.sorted());
  }

  /** Reads text that came from {@code fileName} (used in messages). */
  public LoadResult load(String fileName, String text) {
    Diagnostics diagnostics = new Diagnostics(fileName);
    Optional<Requirements> requirements = SafeYaml.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, diagnostics)
        .flatMap(root -> YamlMap.open(root, "", diagnostics).flatMap(map -> read(map, root, diagnostics)));
    return new LoadResult(diagnostics.hasErrors() ? Optional.empty() : requirements, diagnostics.sorted());
  }

  private Optional<Requirements> read(YamlMap root, Node rootNode, Diagnostics diagnostics) {
    root.allowOnly(TOP_KEYS);
    if (!version(root, rootNode, diagnostics)) {
      return Optional.empty();
    }
    Declarations declarations = new Declarations();
    Optional<Project> project = new ProjectReader(diagnostics).read(root, rootNode);
    Scale scale = new ScaleReader(diagnostics).read(root);
    SecurityReader securityReader = new SecurityReader(diagnostics, declarations);
    List<Compliance> compliance = securityReader.compliance(root);
    List<Jurisdiction> dataResidency = root.choices("dataResidency", Jurisdiction.class);
    Security security = securityReader.security(root);
    EntityReader entityReader = new EntityReader(diagnostics, declarations);
    List<Entity> entities = entityReader.read(root);
    List<Event> events = new EventReader(diagnostics, declarations).read(root);
    ServiceReader serviceReader = new ServiceReader(diagnostics, declarations);
    List<Service> services = serviceReader.read(root, rootNode,
        project.map(p -> p.team().languages()).orElse(List.of(dev.archforge.model.Language.JAVA)));
    DecisionReader decisionReader = new DecisionReader(diagnostics);
    Map<String, String> decisions = decisionReader.read(root);
    String blueprint = root.text("blueprint").orElse(null);
    authenticationAgrees(root, security, decisions, diagnostics);
    ReferenceChecker references = new ReferenceChecker(diagnostics, declarations);
    references.check(services, entities, entityReader.relationTargets);
    references.emitted(services, entities, entityReader.operations.emitted);
    if (diagnostics.hasErrors() || project.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Requirements(FORMAT_VERSION, project.get(), scale, compliance, security, services, entities,
        events, decisions, decisionReader.locations, serviceReader.entityLocations, blueprint,
        declarations.places(diagnostics, root.map("project").map(p -> p.value("name")).orElse(null)), dataResidency));
  }

  /** {@code decisions.authentication} and {@code security.authentication} may not say different things. */
  private void authenticationAgrees(YamlMap root, Security security, Map<String, String> decisions, Diagnostics diagnostics) {
    String decided = decisions.get("authentication");
    boolean stated = root.map("security").map(s -> s.has("authentication")).orElse(false);
    if (decided != null && stated && !decided.equals(security.authentication().spelling())) {
      diagnostics.error(root.map("decisions").orElseThrow().value("authentication"), "'decisions.authentication' is '"
          + decided + "' but 'security.authentication' is '" + security.authentication() + "'; keep one of them");
    }
  }

  private boolean version(YamlMap root, Node rootNode, Diagnostics diagnostics) {
    if (!root.has("archforge")) {
      diagnostics.error(rootNode, "'archforge: 1' is required at the top: it names the format version of this file");
      return true;
    }
    Optional<Long> version = root.whole("archforge", 0, Integer.MAX_VALUE);
    if (version.isPresent() && version.get() != FORMAT_VERSION) {
      diagnostics.error(root.value("archforge"), "format version " + version.get()
          + " is not known to this archforge, which reads format " + FORMAT_VERSION + "; upgrade archforge or write 'archforge: 1'");
      return false;
    }
    return true;
  }
}
