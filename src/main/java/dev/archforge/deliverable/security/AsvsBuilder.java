package dev.archforge.deliverable.security;

import dev.archforge.deliverable.security.AsvsCatalog.Requirement;
import dev.archforge.deliverable.security.AsvsView.Chapter;
import dev.archforge.deliverable.security.AsvsView.Control;
import dev.archforge.deliverable.security.AsvsView.Status;
import java.util.ArrayList;
import java.util.List;

/** Assembles ASVS.md: the level, the applicable requirements up to it, and the API Top 10. */
final class AsvsBuilder {
  private AsvsBuilder() {}

  static AsvsView build(SecurityFacts f) {
    int level = AsvsCatalog.level(f);
    AsvsMapper mapper = new AsvsMapper(f);
    List<Chapter> chapters = new ArrayList<>();
    for (String[] chapter : AsvsCatalog.CHAPTERS) {
      List<Control> controls = AsvsCatalog.REQUIREMENTS.stream()
          .filter(r -> r.chapter().equals(chapter[0]) && r.level() <= level)
          .map(mapper::map).flatMap(java.util.Optional::stream).toList();
      if (!controls.isEmpty()) {
        chapters.add(new Chapter(chapter[0], chapter[1], controls));
      }
    }
    List<Control> all = chapters.stream().flatMap(c -> c.controls().stream()).toList();
    return new AsvsView(f.plan().requirements().project().displayTitle(), level, reason(f, level), chapters,
        ApiTop10.map(f), count(all, Status.MET), count(all, Status.SPECIFIED), count(all, Status.TEAM));
  }

  private static long count(List<Control> controls, Status status) {
    return controls.stream().filter(c -> c.status() == status).count();
  }

  static String reason(SecurityFacts f, int level) {
    List<String> compliance = f.plan().requirements().compliance().stream().map(Object::toString).toList();
    long personal = f.data().entityFields().stream().filter(x -> x.pii()).count();
    long secret = f.data().entityFields().stream().filter(x -> x.secret()).count();
    String data = personal + " personal and " + secret + " secret field(s), compliance "
        + (compliance.isEmpty() ? "none" : String.join(", ", compliance)) + ", data-protection "
        + f.data().protection();
    return switch (level) {
      case 3 -> "Level 3: the system holds payment or health data (" + data + "). Level 3 is for applications "
          + "whose compromise harms people or money at scale.";
      case 2 -> "Level 2: the system holds personal or secret data or answers to an audited regime (" + data
          + "). Level 2 is the ASVS's recommendation for most applications with such data.";
      default -> "Level 1: no personal or secret field and no compliance regime (" + data + "). Raise the level "
          + "as soon as either appears.";
    };
  }

  /** Every requirement of the catalog that exists, for tests. */
  static List<Requirement> catalog() {
    return AsvsCatalog.REQUIREMENTS;
  }
}
