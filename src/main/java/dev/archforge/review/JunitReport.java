package dev.archforge.review;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI systems that read test reports: one test case per reviewed file (its kind as the
 * class name); the findings that reach {@code --fail-on} make its failure, the others go to its
 * {@code system-out}.
 */
final class JunitReport {
  private JunitReport() {}

  static String render(ReviewReport report, String prefix, Severity failOn) {
    Map<String, List<ReviewFinding>> byFile = new LinkedHashMap<>();
    report.reviewed().keySet().forEach(path -> byFile.put(path, new ArrayList<>()));
    report.findings().forEach(f -> byFile.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f));
    Optional<Severity> threshold = Optional.ofNullable(failOn);
    long failures = byFile.values().stream().filter(list -> list.stream().anyMatch(f -> fails(f, threshold))).count();
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "archforge review");
      xml.writeAttribute("tests", Integer.toString(byFile.size()));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "archforge review");
      xml.writeAttribute("tests", Integer.toString(byFile.size()));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      for (Map.Entry<String, List<ReviewFinding>> file : byFile.entrySet()) {
        testCase(xml, prefix + file.getKey(), report.reviewed().getOrDefault(file.getKey(), "files"), file.getValue(),
            threshold);
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    }
    return text + "\n";
  }

  private static void testCase(XMLStreamWriter xml, String path, String kind, List<ReviewFinding> findings,
      Optional<Severity> threshold) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "archforge.review." + kind);
    xml.writeAttribute("name", visible(path));
    xml.writeAttribute("file", visible(path));
    List<ReviewFinding> failing = findings.stream().filter(f -> fails(f, threshold)).toList();
    if (!failing.isEmpty()) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("failure");
      xml.writeAttribute("message", visible(failing.size() + " finding(s): " + failing.get(0).message()));
      xml.writeAttribute("type", failing.get(0).rule().id());
      xml.writeCharacters(lines(path, failing));
      xml.writeEndElement();
    }
    List<ReviewFinding> other = findings.stream().filter(f -> !fails(f, threshold)).toList();
    if (!other.isEmpty()) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(lines(path, other));
      xml.writeEndElement();
    }
    if (!findings.isEmpty()) {
      xml.writeCharacters("\n    ");
    }
    xml.writeEndElement();
  }

  private static boolean fails(ReviewFinding f, Optional<Severity> threshold) {
    return threshold.isPresent() && f.rule().severity().reaches(threshold.get());
  }

  private static String lines(String path, List<ReviewFinding> findings) {
    StringBuilder out = new StringBuilder();
    for (ReviewFinding f : findings) {
      out.append(path).append(':').append(Math.max(f.line(), 1)).append(": ").append(f.rule().severity().label())
          .append(": ").append(f.message()).append(" [").append(f.rule().id()).append("] fix: ").append(f.rule().help())
          .append('\n');
    }
    return visible(out.toString());
  }

  /** XML 1.0 cannot hold most control characters: they are written as {@code \\uXXXX}. */
  static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF
        ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }
}
