package io.destkit.processor.generate;

import com.sun.codemodel.CodeWriter;
import com.sun.codemodel.JPackage;
import java.io.IOException;
import java.io.OutputStream;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.StandardLocation;

/** Lets jsonschema2pojo's code model write its sources through the Filer, so javac compiles them in the next round. */
final class FilerCodeWriter extends CodeWriter {
  private final Filer filer;
  private final Element origin;

  FilerCodeWriter(Filer filer, Element origin) {
    this.filer = filer;
    this.origin = origin;
    this.encoding = "UTF-8";
  }

  @Override
  public OutputStream openBinary(JPackage pkg, String fileName) throws IOException {
    String prefix = pkg.isUnnamed() ? "" : pkg.name() + ".";
    if (fileName.endsWith(".java")) {
      return filer.createSourceFile(prefix + fileName.substring(0, fileName.length() - 5), origin).openOutputStream();
    }
    return filer.createResource(StandardLocation.CLASS_OUTPUT, pkg.isUnnamed() ? "" : pkg.name(), fileName, origin)
        .openOutputStream();
  }

  @Override
  public void close() {
    // Each stream is closed by whoever opened it.
  }
}
