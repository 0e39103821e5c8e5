package dev.archforge.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an agent folder on disk differs from what its manifest says archforge wrote: files it lists
 * that are gone, and files a person has changed since. Reads only.
 *
 * @param missing listed in the manifest, not on disk
 * @param edited on disk with other bytes than the manifest records
 */
public record Drift(List<String> missing, List<String> edited) {
  public Drift {
    missing = List.copyOf(missing);
    edited = List.copyOf(edited);
  }

  /**
   * The drift of the agent folder {@code agent}; none when it has no manifest.
   *
   * @throws WriteException when the manifest cannot be read
   */
  public static Drift of(Path agent) {
    List<String> missing = new ArrayList<>();
    List<String> edited = new ArrayList<>();
    try {
      Manifest manifest = Manifest.parse(Disk.readIfPresent(agent.resolve(Layout.MANIFEST)), Layout.MANIFEST);
      for (Map.Entry<String, String> file : manifest.files().entrySet()) {
        byte[] bytes = Disk.readIfPresent(agent.resolve(file.getKey()));
        if (bytes == null) {
          missing.add(file.getKey());
        } else if (!Sha256.hex(bytes).equals(file.getValue())) {
          edited.add(file.getKey());
        }
      }
    } catch (IOException e) {
      throw new WriteException("cannot read the manifest of " + agent + ": " + e.getMessage(), e);
    }
    return new Drift(missing, edited);
  }
}
