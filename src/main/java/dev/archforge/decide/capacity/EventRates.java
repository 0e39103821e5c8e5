package dev.archforge.decide.capacity;

import static dev.archforge.decide.capacity.BaselineCalculator.in;
import static dev.archforge.decide.capacity.BaselineCalculator.n;

import dev.archforge.model.Driver;
import dev.archforge.model.Entity;
import dev.archforge.model.Event;
import dev.archforge.model.Field;
import dev.archforge.model.Requirements;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The peak rate of each event, by kind: the rate the file states ({@code ratePerSecond}); a rare
 * event (its name or description says seasonal, daily, monthly …) at a fixed low rate, not
 * multiplied by traffic; a state change, one per write of the entity it is about (an entity its
 * publisher owns, named at the start of the event's name or by an {@code <entity>Id} field); any
 * other event, {@code eventsPerWrite} per write of its publisher.
 */
final class EventRates {
  /** The peak rate assumed for a rare event: a batch of them at most, never a stream. */
  static final double RARE_EVENTS_PER_SECOND = 1;
  private static final Set<String> RARE_WORDS = Set.of("season", "seasonal", "seasons", "daily", "nightly", "weekly",
      "monthly", "quarterly", "yearly", "annual", "annually");

  /** How an event's rate is reached. */
  enum Kind { GIVEN, RARE, STATE_CHANGE, PER_WRITE }

  /** One publisher's part of an event's rate, with its term of the formula. */
  record Part(double rate, String term, List<Driver> inputs) {}

  private final Requirements r;
  private final double readRatio;
  private final double eventsPerWrite;

  EventRates(Requirements r, double readRatio, double eventsPerWrite) {
    this.r = r;
    this.readRatio = readRatio;
    this.eventsPerWrite = eventsPerWrite;
  }

  Kind kind(Event event) {
    if (event.ratePerSecond() != null) {
      return Kind.GIVEN;
    }
    if (rare(event)) {
      return Kind.RARE;
    }
    return publishers(event).stream().anyMatch(p -> entity(event, p).isPresent()) ? Kind.STATE_CHANGE : Kind.PER_WRITE;
  }

  List<Service> publishers(Event event) {
    return r.services().stream().filter(s -> s.publishes().contains(event.name())).toList();
  }

  /** What {@code publisher}, carrying {@code publisherRps}, contributes to the event's rate. */
  Part part(Event event, Service publisher, double publisherRps) {
    String name = publisher.name() + ".rps";
    int publishers = publishers(event).size();
    switch (kind(event)) {
      case GIVEN -> {
        double rate = event.ratePerSecond() / publishers;
        return new Part(rate, "ratePerSecond" + (publishers > 1 ? " / " + publishers + " publishers" : ""),
            List.of(in("events." + event.name() + ".ratePerSecond", event.ratePerSecond())));
      }
      case RARE -> {
        double rate = RARE_EVENTS_PER_SECOND / publishers;
        return new Part(rate, "rareEventsPerSecond" + (publishers > 1 ? " / " + publishers + " publishers" : ""),
            List.of(in("rareEventsPerSecond", RARE_EVENTS_PER_SECOND)));
      }
      default -> { }
    }
    Optional<Entity> about = entity(event, publisher);
    if (about.isPresent()) {
      int owned = publisher.entities().size();
      return new Part(publisherRps * (1 - readRatio) / owned,
          name + " × (1 − readRatio)" + (owned > 1 ? " / " + owned + " entities" : "") + " (writes of "
              + about.get().name() + ")",
          List.of(in(name, publisherRps), in("readRatio", readRatio)));
    }
    return new Part(publisherRps * (1 - readRatio) * eventsPerWrite, name + " × (1 − readRatio) × eventsPerWrite",
        List.of(in(name, publisherRps), in("readRatio", readRatio), in("eventsPerWrite", eventsPerWrite)));
  }

  /**
   * The entity of the publisher the event is about: the longest entity name the event's name starts
   * with, else the first entity named by a payload field {@code <entity>Id}.
   */
  Optional<Entity> entity(Event event, Service publisher) {
    List<Entity> owned = r.ownedBy(publisher);
    Optional<Entity> byName = owned.stream()
        .filter(e -> event.name().startsWith(e.name()) && event.name().length() > e.name().length()
            && Character.isUpperCase(event.name().charAt(e.name().length())))
        .max(Comparator.comparingInt(e -> e.name().length()));
    if (byName.isPresent()) {
      return byName;
    }
    for (Field f : event.fields()) {
      for (Entity e : owned) {
        String id = Character.toLowerCase(e.name().charAt(0)) + e.name().substring(1) + "Id";
        if (f.name().equals(id)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  /** The sentence that says how the rate of an event without {@code ratePerSecond} was reached. */
  String assumption(Event event, double rate) {
    String how = switch (kind(event)) {
      case RARE -> "a rare event (its name or description says how seldom it happens): at most "
          + n(RARE_EVENTS_PER_SECOND) + " per second, whatever the traffic";
      case STATE_CHANGE -> "a state change: one event per write of the entity it is about ("
          + String.join(", ", publishers(event).stream().flatMap(p -> entity(event, p).stream())
              .map(Entity::name).distinct().toList()) + ")";
      default -> "eventsPerWrite (" + n(eventsPerWrite) + ") per write request of its publisher";
    };
    return "events." + event.name() + ".ratePerSecond not given: " + n(rate) + " events/s at peak, derived as " + how
        + ".";
  }

  private static boolean rare(Event event) {
    List<String> words = new ArrayList<>();
    for (String w : event.name().split("(?=[A-Z])")) {
      words.add(w.toLowerCase(Locale.ROOT));
    }
    if (event.description() != null) {
      for (String w : event.description().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
        words.add(w);
      }
    }
    return words.stream().anyMatch(RARE_WORDS::contains);
  }
}
