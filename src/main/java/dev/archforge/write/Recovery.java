package dev.archforge.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cleans up after a commit that was cut short. Before the swap only the staging folder exists, so
 * it is removed. Between the two renames the agent folder is missing and the previous one waits as
 * {@code .archforge-old-<id>}: it is renamed back. After the swap the old folder is removed, and
 * {@code SHARED_PROGRESS.md} gets the section of the folder's last run if it has another.
 */
final class Recovery {
  private final Layout layout;

  Recovery(Layout layout) {
    this.layout = layout;
  }

  void run() throws IOException {
    Path root = layout.root();
    if (!Files.isDirectory(root)) {
      return;
    }
    List<Path> staging = leftovers(Layout.STAGING_PREFIX);
    List<Path> old = leftovers(Layout.OLD_PREFIX);
    List<Path> temp = leftovers(Layout.TEMP_PREFIX);
    if (!Files.exists(layout.agent(), LinkOption.NOFOLLOW_LINKS) && !old.isEmpty()) {
      if (old.size() > 1) {
        throw new IOException(root + " holds several " + Layout.OLD_PREFIX + "* folders and no "
            + Layout.AGENT + "; rename the one to keep to " + Layout.AGENT + " and remove the others");
      }
      Disk.refuseLink(old.get(0));
      Files.move(old.get(0), layout.agent(), StandardCopyOption.ATOMIC_MOVE);
      old = List.of();
    }
    for (Path path : staging) {
      Disk.deleteTree(path);
    }
    for (Path path : old) {
      try {
        Disk.deleteTree(path);
      } catch (IOException e) {
        throw new WriteException("cannot remove " + path + ", the folder an earlier run replaced: " + e.getMessage()
            + "; make what is in it writable (chmod -R u+w, or chattr -R -i if it is immutable) or delete the folder,"
            + " then run again", e);
      }
    }
    for (Path path : temp) {
      Files.deleteIfExists(path);
    }
    repairShared();
  }

  /**
   * Makes archforge's section of {@code SHARED_PROGRESS.md} the one of the folder's last run, when
   * that run was cut short before writing it. Damaged markers are left for the commit to report.
   */
  private void repairShared() throws IOException {
    byte[] section = Disk.readIfPresent(layout.inAgent(Layout.SHARED_SECTION));
    if (section == null) {
      return;
    }
    Disk.refuseLink(layout.shared());
    byte[] existing = Disk.readIfPresent(layout.shared());
    byte[] merged;
    try {
      merged = WorkLogs.mergeShared(existing, new String(section, StandardCharsets.UTF_8));
    } catch (IOException damaged) {
      return;
    }
    if (!Arrays.equals(merged, existing)) {
      Path temp = layout.temp("repair");
      Disk.writeNew(temp, merged);
      Files.move(temp, layout.shared(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private List<Path> leftovers(String prefix) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.root(), prefix + "*")) {
      entries.forEach(found::add);
    }
    found.sort(null);
    return found;
  }
}
