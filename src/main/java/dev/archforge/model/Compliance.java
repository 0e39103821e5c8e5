package dev.archforge.model;

/** A compliance regime named under {@code compliance:}. */
public enum Compliance implements Spelled {
  GDPR("gdpr"),
  PCI_DSS("pci-dss"),
  HIPAA("hipaa"),
  SOC2("soc2"),
  ISO27001("iso27001");

  private final String spelling;

  Compliance(String spelling) {
    this.spelling = spelling;
  }

  @Override
  public String spelling() {
    return spelling;
  }

  /** The spelling of the file, so that templates print what users wrote. */
  @Override
  public String toString() {
    return spelling;
  }
}
