package dev.archforge.facts;

import dev.archforge.model.Api;
import dev.archforge.model.Plan;
import dev.archforge.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the workspace README's table of contents, offered by the deliverable that writes the
 * file.
 *
 * @param path the file or folder, relative to the agent folder
 * @param what what it is, one phrase
 * @param group documents first, then contracts
 * @param position the order within the group (the blueprint's order for documents, the services' for contracts)
 */
public record ContentsEntry(String path, String what, Group group, int position) {
  /** One contract entry per service with this API style, in the services' order. */
  public static List<ContentsEntry> contracts(Plan plan, Api api, Function<Service, String> path, String what) {
    List<ContentsEntry> entries = new ArrayList<>();
    List<Service> services = plan.requirements().services();
    for (int i = 0; i < services.size(); i++) {
      if (services.get(i).api() == api) {
        entries.add(new ContentsEntry(path.apply(services.get(i)), what, Group.CONTRACT, i));
      }
    }
    return entries;
  }

  /** Where an entry is listed. */
  public enum Group {
    DOCUMENT,
    CONTRACT
  }
}
