package dev.archforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.archforge.model.CostEstimate;
import dev.archforge.model.Decision;
import dev.archforge.model.Driver;
import dev.archforge.model.Figure;
import dev.archforge.model.Option;
import dev.archforge.model.Plan;
import dev.archforge.model.RuleTrace;
import dev.archforge.model.ServiceSizing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code archforge decide --json}: the decisions, capacity, cost, assumptions and questions of a plan. */
final class PlanJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  static String of(Plan plan, List<String> warnings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("decisions", plan.decisions().stream().map(PlanJson::decision).toList());
    root.put("capacity", capacity(plan));
    root.put("cost", cost(plan.cost()));
    root.put("assumptions", plan.assumptions());
    root.put("openQuestions", plan.openQuestions());
    root.put("warnings", warnings);
    return write(root);
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static Map<String, Object> decision(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", d.topic());
    m.put("title", d.title());
    m.put("choice", d.choice());
    m.put("source", d.origin().toString());
    m.put("rule", d.rule());
    m.put("reasons", d.reasons());
    m.put("drivenBy", d.drivenBy().stream().map(PlanJson::driver).toList());
    m.put("options", d.options().stream().map(PlanJson::option).toList());
    m.put("consequences", d.consequences());
    if (d.drafted() != null) {
      m.put("rulesWouldChoose", Map.of("choice", d.drafted().choice(), "rule", d.drafted().rule(),
          "reasons", d.drafted().reasons()));
    }
    m.put("trace", d.trace().stream().map(PlanJson::trace).toList());
    return m;
  }

  private static Map<String, Object> option(Option o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.name());
    m.put("summary", o.summary());
    m.put("pros", o.pros());
    m.put("cons", o.cons());
    return m;
  }

  private static Map<String, Object> trace(RuleTrace t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", t.rule());
    m.put("when", t.condition());
    m.put("choose", t.choice());
    m.put("held", t.held());
    m.put("failed", t.failed());
    m.put("values", t.values().stream().map(PlanJson::driver).toList());
    m.put("source", t.source());
    return m;
  }

  static Map<String, Object> driver(Driver d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", d.key());
    m.put("value", plain(d.value()));
    return m;
  }

  /** Whole numbers as integers, so that 5000 is not printed 5000.0. */
  static Object plain(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    return value;
  }

  private static Map<String, Object> capacity(Plan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("figures", plan.capacity().figures().stream().map(PlanJson::figure).toList());
    m.put("services", plan.capacity().services().stream().map(PlanJson::sizing).toList());
    m.put("poolerNeeded", plan.capacity().poolerNeeded());
    return m;
  }

  private static Map<String, Object> figure(Figure f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", f.key());
    m.put("label", f.label());
    m.put("value", plain(f.value()));
    m.put("unit", f.unit());
    m.put("formula", f.formula());
    m.put("inputs", f.inputs().stream().map(PlanJson::driver).toList());
    return m;
  }

  private static Map<String, Object> sizing(ServiceSizing s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service", s.service());
    m.put("rps", plain(s.rps()));
    m.put("podsNeeded", s.podsNeeded());
    m.put("hpaMin", s.hpaMin());
    m.put("hpaMax", s.hpaMax());
    m.put("cpuMillis", s.cpuMillis());
    m.put("memoryMib", s.memoryMib());
    m.put("poolSize", s.poolSize());
    m.put("dbConnections", s.dbConnections());
    return m;
  }

  private static Map<String, Object> cost(CostEstimate c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cloud", c.cloud());
    m.put("monthlyUsd", Math.round(c.totalUsd()));
    m.put("budgetUsd", c.budgetUsd() == null ? null : plain(c.budgetUsd()));
    m.put("overBudget", c.overBudget());
    m.put("priceDate", c.priceDate());
    m.put("items", c.items().stream().map(i -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("component", i.component());
      item.put("sizing", i.sizing());
      item.put("monthlyUsd", Math.round(i.monthlyUsd()));
      item.put("formula", i.formula());
      item.put("priceDate", i.priceDate());
      return item;
    }).toList());
    Map<String, Object> byCloud = new java.util.TreeMap<>();
    c.byCloud().forEach((k, v) -> byCloud.put(k, Math.round(v)));
    m.put("byCloud", byCloud);
    m.put("cuts", c.cuts());
    m.put("verdict", c.verdict());
    Map<String, Object> byDeployment = new LinkedHashMap<>();
    c.byDeployment().forEach((k, v) -> byDeployment.put(k, Math.round(v)));
    m.put("byDeployment", byDeployment);
    m.put("cells", c.cells().stream().map(cell -> {
      Map<String, Object> bill = new LinkedHashMap<>();
      bill.put("jurisdiction", cell.jurisdiction());
      bill.put("share", cell.share());
      bill.put("shareBasis", cell.shareBasis());
      bill.put("monthlyUsd", Math.round(cell.totalUsd()));
      return bill;
    }).toList());
    return m;
  }
}
