package dev.archforge.model;

import java.util.List;

/**
 * The other agents' folders beside ours under the workspaces root (frontend, qa, devops …), as a
 * run read them: each agent's last reported state and its text files.
 *
 * @param agents by folder name
 */
public record OtherAgents(List<Agent> agents) {
  public static final OtherAgents NONE = new OtherAgents(List.of());

  public OtherAgents {
    agents = List.copyOf(agents);
  }

  /**
   * One other agent.
   *
   * @param name its folder under the workspaces root
   * @param lastState the last entry of its PROGRESS.md (heading and first line), or what stands instead
   * @param files its text files, by path relative to the workspaces root ({@code frontend/src/api.ts})
   * @param omitted the files not read: too large, not text, or beyond the limit of files
   */
  public record Agent(String name, String lastState, List<AgentFile> files, int omitted) {
    public Agent {
      files = List.copyOf(files);
    }
  }

  /** A text file of another agent: its path relative to the workspaces root, and its text. */
  public record AgentFile(String path, String text) {}
}
