package dev.archforge.facts;

import dev.archforge.facts.api.DomainOperation;
import dev.archforge.facts.api.DomainOperations;
import dev.archforge.facts.api.OperationView;
import dev.archforge.facts.api.PathView;
import dev.archforge.facts.api.ProtoNames;
import dev.archforge.facts.messaging.MessageRoutes;
import dev.archforge.model.Api;
import dev.archforge.model.ApiChange;
import dev.archforge.model.OtherAgents;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The other agents beside ours and what of ours their files use: our services, operations, routes,
 * events and topics, found by name line by line. CONTEXT.md lists them; a breaking API change names
 * the files that use what changed ({@link #usersOf}).
 *
 * @param agents by name, each with its uses by file
 */
public record Upstream(List<AgentUses> agents) {
  private static final String WORD = "A-Za-z0-9_\\-";

  public Upstream {
    agents = List.copyOf(agents);
  }

  /**
   * One other agent.
   *
   * @param name its folder under the workspaces root
   * @param lastState the last entry of its PROGRESS.md
   * @param read how many of its files were read
   * @param omitted how many were not (too large, not text, beyond the limits)
   * @param uses what its files use of ours, by file, then kind and name
   */
  public record AgentUses(String name, String lastState, int read, int omitted, List<Use> uses) {
    public AgentUses {
      uses = List.copyOf(uses);
    }
  }

  /**
   * One name of ours in one file of another agent.
   *
   * @param file the file, relative to the workspaces root ({@code frontend/src/api.ts})
   * @param lines the 1-based lines it is on, ascending
   * @param kind service, operation, route, event or topic
   * @param name the name as we state it ({@code /books/{bookId}}, {@code BookCreated})
   * @param service the service it belongs to (for an event or topic, the one that publishes it)
   */
  public record Use(String file, List<Integer> lines, String kind, String name, String service) {
    public Use {
      lines = List.copyOf(lines);
    }

    /** {@code frontend/src/api.ts:3}: the file at its first use. */
    public String at() {
      return file + ":" + lines.get(0);
    }

    /** {@code 3, 7, 12}, the first five lines and an ellipsis after. */
    public String shownLines() {
      List<String> shown = lines.stream().limit(5).map(String::valueOf).toList();
      return String.join(", ", shown) + (lines.size() > 5 ? ", …" : "");
    }
  }

  /** A name of ours and how to find it in text. */
  private record Name(String service, String kind, String name, String literal, Pattern pattern) {}

  /** What the other agents' files use of the names of this run. */
  public static Upstream of(Facts facts, OtherAgents others) {
    if (others.agents().isEmpty()) {
      return new Upstream(List.of());
    }
    List<Name> names = names(facts);
    List<AgentUses> agents = new ArrayList<>();
    for (OtherAgents.Agent agent : others.agents()) {
      List<Use> uses = new ArrayList<>();
      agent.files().forEach(f -> uses.addAll(uses(f, names)));
      agents.add(new AgentUses(agent.name(), agent.lastState(), agent.files().size(), agent.omitted(), uses));
    }
    return new Upstream(agents);
  }

  /** Whether any other agent's folder exists. */
  public boolean hasAgents() {
    return !agents.isEmpty();
  }

  /**
   * The other agents' files that use what {@code change} changed, each as {@code file:line} at its
   * first such use: the uses of the service's names the change states (a route, an operation, an
   * event …); when it states none of them (a schema, the whole contract), every use of the service.
   */
  public List<String> usersOf(ApiChange change) {
    List<Use> ofService = agents.stream().flatMap(a -> a.uses().stream())
        .filter(u -> u.service().equals(change.service())).toList();
    List<Use> named = ofService.stream().filter(u -> !u.kind().equals("service") && states(change.change(), u))
        .toList();
    Map<String, Integer> first = new TreeMap<>();
    for (Use use : named.isEmpty() ? ofService : named) {
      first.merge(use.file(), use.lines().get(0), Math::min);
    }
    return first.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
  }

  private static boolean states(String change, Use use) {
    return Pattern.compile("(?<![" + WORD + "])" + Pattern.quote(use.name()) + "(?![" + WORD + "/])")
        .matcher(change).find();
  }

  /**
   * The names of ours on each line of the file; a service's own name only on a line that names
   * nothing more precise of it (a route, an operation …).
   */
  private static List<Use> uses(OtherAgents.AgentFile file, List<Name> names) {
    Map<Name, List<Integer>> found = new LinkedHashMap<>();
    List<String> lines = file.text().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      List<Name> onLine = names.stream()
          .filter(n -> line.contains(n.literal()) && n.pattern().matcher(line).find()).toList();
      for (Name name : onLine) {
        if (!name.kind().equals("service") || onLine.stream().noneMatch(n -> !n.kind().equals("service")
            && n.service().equals(name.service()))) {
          found.computeIfAbsent(name, n -> new ArrayList<>()).add(i + 1);
        }
      }
    }
    return found.entrySet().stream().map(e -> new Use(file.path(), e.getValue(), e.getKey().kind(),
        e.getKey().name(), e.getKey().service())).sorted(Comparator.comparingInt((Use u) -> u.lines().get(0))
        .thenComparing(Use::kind).thenComparing(Use::name)).toList();
  }

  /** Every name of ours another agent may use, each once, in the order of the requirements. */
  private static List<Name> names(Facts facts) {
    Map<String, Name> names = new LinkedHashMap<>();
    DomainOperations domain = new DomainOperations(facts.access());
    for (Service service : facts.plan().requirements().services()) {
      add(names, word(service.name(), "service", service.name()));
      if (service.api() == Api.REST) {
        for (PathView path : facts.apis().of(service).paths()) {
          add(names, route(service.name(), path.path()));
          for (OperationView op : path.operations()) {
            add(names, word(service.name(), "operation", op.operationId()));
          }
        }
      } else {
        if (service.api() == Api.GRPC) {
          add(names, word(service.name(), "service", ProtoNames.serviceName(service)));
        }
        for (DomainOperation op : domain.of(facts.plan().requirements(), service)) {
          add(names, word(service.name(), "operation", service.api() == Api.GRPC ? op.rpcName() : op.operationId()));
        }
      }
    }
    for (MessageRoutes.Channel channel : facts.messaging().channels()) {
      add(names, word(channel.publisher().name(), "event", channel.event().name()));
      add(names, word(channel.publisher().name(), "topic", channel.address()));
    }
    return List.copyOf(names.values());
  }

  /** A name once: the first kind it is found as (an event before the topic of the same name). */
  private static void add(Map<String, Name> names, Name name) {
    names.putIfAbsent(name.name(), name);
  }

  private static Name word(String service, String kind, String name) {
    return new Name(service, kind, name, name,
        Pattern.compile("(?<![" + WORD + "])" + Pattern.quote(name) + "(?![" + WORD + "])"));
  }

  /**
   * A route: its fixed segments as they are, each {@code {parameter}} as any one segment
   * ({@code 42}, {@code ${id}}, {@code :id}), and nothing but the end of the path after it.
   */
  private static Name route(String service, String path) {
    StringBuilder regex = new StringBuilder();
    String literal = path;
    boolean first = true;
    int from = 0;
    java.util.regex.Matcher parameter = Pattern.compile("\\{[^}/]+}").matcher(path);
    while (parameter.find()) {
      regex.append(Pattern.quote(path.substring(from, parameter.start()))).append("[^/\\s\"'`?#]+");
      if (first) {
        literal = path.substring(0, parameter.start());
        first = false;
      }
      from = parameter.end();
    }
    regex.append(Pattern.quote(path.substring(from))).append("(?![" + WORD + "/])");
    return new Name(service, "route", path, literal, Pattern.compile(regex.toString()));
  }
}
