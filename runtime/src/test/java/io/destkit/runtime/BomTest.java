package io.destkit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * destkit-bom has no parent (so that importing it brings nothing but destkit and Jackson), which leaves two places
 * that name versions: this test holds them together.
 */
class BomTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  void theBomPinsTheJacksonDestkitIsBuiltWith() throws Exception {
    Document bom = read(ROOT.resolve("bom/pom.xml"));
    assertEquals(PackageVersion.VERSION.toString(), text(bom, "jackson.version"),
        "bom/pom.xml's jackson.version is not the Jackson on destkit's class path (the parent's jackson.version)");
  }

  @Test
  void theBomHasDestkitsVersionAndEveryLibraryModule() throws Exception {
    Document bom = read(ROOT.resolve("bom/pom.xml"));
    Document parent = read(ROOT.resolve("pom.xml"));
    assertEquals(topLevel(parent, "version"), topLevel(bom, "version"), "bom/pom.xml's version");
    List<String> managed = destkitArtifacts(bom);
    for (String artifact : destkitArtifacts(parent)) {
      assertTrue(managed.contains(artifact), "destkit-bom does not manage " + artifact);
    }
  }

  private static Document read(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static String text(Document pom, String tag) {
    return pom.getElementsByTagName(tag).item(0).getTextContent().trim();
  }

  private static String topLevel(Document pom, String tag) {
    NodeList children = pom.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && element.getTagName().equals(tag)) {
        return element.getTextContent().trim();
      }
    }
    return null;
  }

  /** The destkit artifacts in the pom's dependencyManagement. */
  private static List<String> destkitArtifacts(Document pom) {
    List<String> artifacts = new ArrayList<>();
    Element management = (Element) pom.getElementsByTagName("dependencyManagement").item(0);
    NodeList dependencies = management.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (dependency.getElementsByTagName("groupId").item(0).getTextContent().trim().equals("io.destkit")) {
        artifacts.add(dependency.getElementsByTagName("artifactId").item(0).getTextContent().trim());
      }
    }
    return artifacts;
  }
}
