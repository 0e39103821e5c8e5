package dev.archforge.facts;

import dev.archforge.facts.api.ApiViews;
import dev.archforge.facts.deploy.Deployable;
import dev.archforge.facts.deploy.Deployables;
import dev.archforge.facts.deploy.SystemModel;
import dev.archforge.facts.messaging.MessageRoutes;
import dev.archforge.facts.schema.Schemas;
import dev.archforge.model.ApiChange;
import dev.archforge.model.History;
import dev.archforge.model.OtherAgents;
import dev.archforge.model.Plan;
import dev.archforge.model.PreviousContracts;
import dev.archforge.model.SchemaHistory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What several deliverables state, built once per run from its plan: the API views, the
 * deployables, the database schemas, the workspace's contents. A deliverable reads its facts here
 * and never from a sibling, so two files that mention one fact render it from one place. Values
 * are built on first use and kept for the run; a deliverable may keep its own derived values the
 * same way ({@link #derived}).
 */
public final class Facts {
  private final Plan plan;
  private final History history;
  private final SchemaHistory schemaHistory;
  private final Function<Facts, List<ContentsEntry>> contents;
  private final List<ApiChange> apiChanges;
  private final OtherAgents otherAgents;
  private final PreviousContracts previousContracts;
  private final Map<Class<?>, Object> derived = new HashMap<>();
  /**
   * The values read from the plan and the schema history alone: one map for a run's facts and every
   * variant {@code with} makes of them, which cannot differ in these (the API views are built once
   * for the plan's warnings and its rendering).
   */
  private final Map<Class<?>, Object> ofPlan;
  private List<ContentsEntry> listed;

  /**
   * @param contents what the workspace holds, one entry per file or folder a person should know about,
   *     from every deliverable the run renders; asked once, on first use
   */
  public Facts(Plan plan, Function<Facts, List<ContentsEntry>> contents) {
    this(plan, SchemaHistory.NONE, contents);
  }

  /** @param schemaHistory the migrations and schema snapshots earlier runs left in the workspace */
  public Facts(Plan plan, SchemaHistory schemaHistory, Function<Facts, List<ContentsEntry>> contents) {
    this(plan, History.NONE, schemaHistory, contents, List.of(), OtherAgents.NONE, PreviousContracts.none(),
        new HashMap<>());
  }

  private Facts(Plan plan, History history, SchemaHistory schemaHistory, Function<Facts, List<ContentsEntry>> contents,
      List<ApiChange> apiChanges, OtherAgents otherAgents, PreviousContracts previousContracts,
      Map<Class<?>, Object> ofPlan) {
    this.ofPlan = ofPlan;
    this.previousContracts = previousContracts;
    this.plan = plan;
    this.history = history;
    this.schemaHistory = schemaHistory;
    this.contents = contents;
    this.apiChanges = List.copyOf(apiChanges);
    this.otherAgents = otherAgents;
  }

  /**
   * These facts, and how the run's contracts differ from the previous run's: for the deliverables
   * rendered after the contracts ({@code Deliverable.isContract}). The values built so far are kept.
   */
  public synchronized Facts withApiChanges(List<ApiChange> changes) {
    Facts next = new Facts(plan, history, schemaHistory, contents, changes, otherAgents, previousContracts, ofPlan);
    next.derived.putAll(derived);
    next.listed = listed;
    return next;
  }

  /** How the contracts differ from those of the previous run, in contract order; empty before they are compared. */
  public List<ApiChange> apiChanges() {
    return apiChanges;
  }

  /** The same facts for a workspace with this history (the records issued before, the previous input). */
  public Facts with(History history) {
    return new Facts(plan, history, schemaHistory, contents, apiChanges, otherAgents, previousContracts, ofPlan);
  }

  /** The same facts for a workspaces root where these other agents work beside ours. */
  public Facts with(OtherAgents others) {
    return new Facts(plan, history, schemaHistory, contents, apiChanges, others, previousContracts, ofPlan);
  }

  /** The other agents beside ours and which of their files use our services, operations, routes, events, topics. */
  public Upstream upstream() {
    return derived(Upstream.class, f -> Upstream.of(f, otherAgents));
  }

  /**
   * The same facts for a workspace whose previous run generated these contracts (their pristine
   * copies): what a contract keeps stable from one run to the next, such as proto field numbers.
   */
  public Facts with(PreviousContracts previous) {
    return new Facts(plan, history, schemaHistory, contents, apiChanges, otherAgents, previous, ofPlan);
  }

  /** The contracts the previous run generated; none for a new workspace. */
  public PreviousContracts previousContracts() {
    return previousContracts;
  }

  public History history() {
    return history;
  }

  /** The decision records: those issued before, kept; new ones for new or changed decisions. */
  public DecisionLog decisionLog() {
    return derived(DecisionLog.class, f -> DecisionLog.of(f.plan(), f.history(),
        f.apiChanges().stream().anyMatch(ApiChange::breaking)));
  }

  /** The facts of a plan, for a deliverable alone (its tests): no contents from other deliverables. */
  public static Facts of(Plan plan) {
    return new Facts(plan, f -> List.of());
  }

  public Plan plan() {
    return plan;
  }

  /** The migrations and schema snapshots earlier runs left in the workspace. */
  public SchemaHistory schemaHistory() {
    return schemaHistory;
  }

  /** The entries of the workspace README's table, in the order they are shown. */
  public synchronized List<ContentsEntry> contents() {
    if (listed == null) {
      listed = List.copyOf(contents.apply(this));
    }
    return listed;
  }

  /** The API view of each REST service: operations, schemas, scopes. */
  public ApiViews apis() {
    return ofPlan(ApiViews.class, (p, h) -> new ApiViews(p));
  }

  /** Who may read and write each entity: stated access, else the privileged roles alone (deny by default). */
  public AccessRules access() {
    return ofPlan(AccessRules.class, (p, h) -> AccessRules.of(p));
  }

  /**
   * The names of the run that become one file, container, type, table or column, each as
   * {@code FILE:LINE:COLUMN: message}; empty when every name is reserved once ({@link NameRegistry}).
   */
  public List<String> nameClashes() {
    return ofPlan(NameClashes.class, (p, h) -> new NameClashes(NameRegistry.clashes(p, access()))).list();
  }

  private record NameClashes(List<String> list) {}

  /** What is built into an image and deployed: one per service, or the one modular monolith. */
  public List<Deployable> deployables() {
    return ofPlan(DeployableList.class, (p, h) -> new DeployableList(Deployables.of(p))).list();
  }

  private record DeployableList(List<Deployable> list) {}

  /** The containers of the system and the relationships between them, for every architecture model. */
  public SystemModel systemModel() {
    return ofPlan(SystemModel.class, (p, h) -> SystemModel.of(p));
  }

  /** The channels of the events and each consumer's names on the broker. */
  public MessageRoutes messaging() {
    return ofPlan(MessageRoutes.class, (p, h) -> MessageRoutes.of(p));
  }

  /** The database schema of each service that owns entities, and the SQL dialect. */
  public Schemas schemas() {
    return ofPlan(Schemas.class, Schemas::new);
  }

  /**
   * A value computed from these facts once per run, keyed by its type: the first caller builds it,
   * later ones get the same value.
   */
  public synchronized <T> T derived(Class<T> type, Function<Facts, T> compute) {
    Object known = derived.get(type);
    if (known == null) {
      known = compute.apply(this);
      derived.put(type, known);
    }
    return type.cast(known);
  }

  /** As {@link #derived}, for a value that reads the plan and the schema history alone: every variant shares it. */
  private <T> T ofPlan(Class<T> type, BiFunction<Plan, SchemaHistory, T> compute) {
    synchronized (ofPlan) {
      Object known = ofPlan.get(type);
      if (known == null) {
        known = compute.apply(plan, schemaHistory);
        ofPlan.put(type, known);
      }
      return type.cast(known);
    }
  }
}
