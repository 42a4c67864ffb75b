package io.destkit.processor.generate;

import com.palantir.javapoet.ClassName;
import com.sun.codemodel.JAnnotationArrayMember;
import com.sun.codemodel.JAnnotationUse;
import com.sun.codemodel.JAnnotationValue;
import com.sun.codemodel.JCodeModel;
import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JFormatter;
import com.sun.codemodel.JPackage;
import io.destkit.processor.model.RecordClassSettings;
import io.destkit.processor.model.StreamModel.RecordShape;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jsonschema2pojo.Jackson2Annotator;
import org.jsonschema2pojo.SchemaGenerator;
import org.jsonschema2pojo.SchemaMapper;
import org.jsonschema2pojo.SchemaStore;
import org.jsonschema2pojo.rules.RuleFactory;

/**
 * Writes a typed stream's record classes with jsonschema2pojo, run inside the processor, from the shape the reader
 * made of its schema; JSON names that jsonschema2pojo could not take as keys are put back afterwards.
 */
final class RecordClassWriter {
  private RecordClassWriter() {}

  /** The stream's classes in a code model of their own, ready for {@link GeneratedFiles#writeRecordClasses}. */
  static JCodeModel write(RecordShape shape) throws IOException {
    JCodeModel model = new JCodeModel();
    SchemaMapper mapper = new SchemaMapper(new RuleFactory(RecordClassSettings.CONFIG,
        new Jackson2Annotator(RecordClassSettings.CONFIG), new SchemaStore()), new SchemaGenerator());
    ClassName root = shape.root().className();
    mapper.generate(model, root.simpleName(), root.packageName(), shape.normalized());
    restoreJsonNames(model, shape);
    return model;
  }

  /** Puts the real JSON names back where jsonschema2pojo wrote a plain key. */
  private static void restoreJsonNames(JCodeModel model, RecordShape shape) {
    for (Iterator<JPackage> packages = model.packages(); packages.hasNext(); ) {
      for (Iterator<JDefinedClass> classes = packages.next().classes(); classes.hasNext(); ) {
        JDefinedClass definedClass = classes.next();
        Map<String, String> names = shape.renamed().get(definedClass.fullName());
        if (names == null) {
          continue;
        }
        List<JAnnotationUse> uses = new ArrayList<>();
        definedClass.fields().values().forEach(field -> uses.addAll(field.annotations()));
        definedClass.methods().forEach(method -> uses.addAll(method.annotations()));
        for (JAnnotationUse use : uses) {
          if (use.getAnnotationClass().name().equals("JsonProperty")) {
            String key = literal(use.getAnnotationMembers().get("value"));
            if (names.containsKey(key)) {
              use.param("value", names.get(key));
            }
          }
        }
        for (JAnnotationUse use : definedClass.annotations()) {
          if (use.getAnnotationClass().name().equals("JsonPropertyOrder")) {
            JAnnotationArrayMember replaced = use.paramArray("value");
            shape.propertyOrder().get(definedClass.fullName()).forEach(replaced::param);
          }
        }
      }
    }
  }

  /** The string a code-model annotation value holds, e.g. {@code "zip code"} for {@code @JsonProperty("zip code")}. */
  private static String literal(JAnnotationValue value) {
    StringWriter text = new StringWriter();
    value.generate(new JFormatter(text));
    String quoted = text.toString().trim();
    return quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }

}
