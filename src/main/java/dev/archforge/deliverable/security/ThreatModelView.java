package dev.archforge.deliverable.security;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code security/THREAT-MODEL.md} shows: the elements of this system (entry points,
 * services, databases, cache, broker), its data flows (synchronous calls, event flows), and for
 * each a STRIDE table: the threat, its mitigation, where the mitigation is met, and the risk
 * that remains; then the residual risks: the high ones, and what the requirements leave open.
 * Fields named {@code ...Md} hold Markdown built from requirement names only.
 */
public record ThreatModelView(
    String title,
    String architecture,
    List<ComponentRow> components,
    List<FlowRow> flows,
    List<Section> sections,
    List<String> highRisks,
    List<String> openRisksMd) {
  public ThreatModelView {
    components = List.copyOf(components);
    flows = List.copyOf(flows);
    sections = List.copyOf(sections);
    highRisks = List.copyOf(highRisks);
    openRisksMd = List.copyOf(openRisksMd);
  }

  /** The residual risk of a threat after its mitigation. */
  public enum Risk {
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High");

    private final String label;

    Risk(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** One row of the component inventory. */
  public record ComponentRow(String name, String kind, String zone, String holds) {}

  /** One row of the data-flow inventory. */
  public record FlowRow(String name, String from, String to, String carries, String channel) {}

  /** A group of elements under one heading: entry points, services, data stores, calls, events. */
  public record Section(String heading, String introMd, List<Element> elements) {
    public Section {
      elements = List.copyOf(elements);
    }
  }

  /** One element of the system or one data flow, with its STRIDE table. */
  public record Element(String name, String kind, String summaryMd, List<Threat> threats) {
    public Element {
      threats = List.copyOf(threats);
    }
  }

  /**
   * One threat: its STRIDE category, what could happen, the mitigation, where it is met (a link to
   * the artifact, or what the team must do) and the residual risk.
   */
  public record Threat(String category, String threatMd, String mitigationMd, String whereMd, Risk residual) {}

  /** Collects the six STRIDE rows of one element, in order. */
  static final class Stride {
    private final List<Threat> threats = new ArrayList<>();

    Stride spoofing(String threat, String mitigation, String where, Risk risk) {
      return add("Spoofing", threat, mitigation, where, risk);
    }

    Stride tampering(String threat, String mitigation, String where, Risk risk) {
      return add("Tampering", threat, mitigation, where, risk);
    }

    Stride repudiation(String threat, String mitigation, String where, Risk risk) {
      return add("Repudiation", threat, mitigation, where, risk);
    }

    Stride disclosure(String threat, String mitigation, String where, Risk risk) {
      return add("Information disclosure", threat, mitigation, where, risk);
    }

    Stride denial(String threat, String mitigation, String where, Risk risk) {
      return add("Denial of service", threat, mitigation, where, risk);
    }

    Stride elevation(String threat, String mitigation, String where, Risk risk) {
      return add("Elevation of privilege", threat, mitigation, where, risk);
    }

    private Stride add(String category, String threat, String mitigation, String where, Risk risk) {
      threats.add(new Threat(category, threat, mitigation, where, risk));
      return this;
    }

    Element element(String name, String kind, String summaryMd) {
      if (threats.size() != 6) {
        throw new IllegalStateException(name + " has " + threats.size() + " STRIDE rows, not 6");
      }
      return new Element(name, kind, summaryMd, threats);
    }
  }
}
