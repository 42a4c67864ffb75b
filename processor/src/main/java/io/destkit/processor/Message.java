package io.destkit.processor;

import java.util.Locale;

/**
 * Every diagnostic the processor can report, each with a stable code. A message names what is wrong and says the fix;
 * tests and documentation refer to the code, e.g. {@code [destkit:secret-type]}.
 */
public enum Message {
  CONNECTOR_DUPLICATE("connector-duplicate",
      "Only one @Destination per compilation: %s is one already. Put each destination in its own Maven module."),
  CONNECTOR_NAME("connector-name",
      "@Destination name '%s' must be lower case letters, digits and dashes, starting with a letter, e.g. destination-warehouse."),
  CONNECTOR_DOCUMENTATION_URL("connector-documentation-url",
      "@Destination documentationUrl '%s' must be an absolute http or https URL."),
  CONNECTOR_CONSTRUCT("connector-construct",
      "The runtime cannot create %s: %s. Give it a non-private constructor without parameters, as a top-level or static nested, non-abstract class."),
  CONFIG_ANNOTATION("config-annotation",
      "@Destination config %s is not annotated @ConnectorConfig. Annotate it, or name the class that is."),
  CONFIG_NO_CONNECTOR("config-no-connector",
      "@ConnectorConfig %s is used by no @Destination. Name it in a @Destination's config, or remove the annotation."),
  CONFIG_CONSTRUCT("config-construct",
      "The generated reader cannot create %s: %s. Use a record, or a class with a non-private constructor without parameters and non-private fields or setters."),
  CONFIG_CYCLE("config-cycle",
      "Config type %s contains itself through '%s'; a config is a tree. Use another type for the nested value."),
  TYPE_UNSUPPORTED("type-unsupported",
      "Config property '%s' has type %s, which a spec cannot describe. Use String, boolean, int, long, double, BigDecimal, an enum, a List of these, a record or class, or a @OneOf sealed interface."),
  TYPE_UNRESOLVED("type-unresolved",
      "Type %s of '%s' never became available, so %s was not processed. Check the type's name and imports."),
  PROPERTY_DUPLICATE("property-duplicate",
      "Two properties of %s are named '%s' in JSON. Give one another name with @Property(name = ...)."),
  PROPERTY_NAME("property-name", "@Property name must not be empty or blank; leave it out to use the Java name."),
  OPTIONAL_PRIMITIVE("optional-primitive",
      "Optional property '%s' has primitive type %s, which cannot be absent. Give it a defaultValue, or use the boxed type."),
  ORDER_DUPLICATE("order-duplicate",
      "Properties '%s' and '%s' of %s both have order %d. Give each sibling its own order."),
  ORDER_NEGATIVE("order-negative", "@Property order %d is negative; orders start at 0."),
  SECRET_TYPE("secret-type",
      "@Secret property '%s' must be a String, not %s. Secrets are text (passwords, tokens, keys)."),
  SECRET_TOSTRING("secret-tostring",
      "Record %s holds @Secret '%s', and the toString() Java generates for records would print it. Override toString() and leave the secret out."),
  DEFAULT_TYPE("default-type", "Default value '%s' of '%s' is not a valid %s. %s"),
  DEFAULT_ENUM("default-enum", "Default value '%s' of '%s' is none of its enum's values: %s."),
  DEFAULT_RANGE("default-range", "Default value %s of '%s' is outside its @Range [%s, %s]."),
  DEFAULT_PATTERN("default-pattern", "Default value '%s' of '%s' does not match its @Pattern %s."),
  EXAMPLE_TYPE("example-type", "Example '%s' of '%s' is not a valid %s; examples are shown to users as values they can use."),
  RANGE_TYPE("range-type", "@Range on '%s' needs a numeric property, not %s. Remove it, or change the type."),
  RANGE_EMPTY("range-empty", "@Range on '%s' has min %s greater than max %s."),
  PATTERN_TYPE("pattern-type", "@Pattern on '%s' needs a String property, not %s. Remove it, or change the type."),
  PATTERN_INVALID("pattern-invalid", "@Pattern on '%s' is not a valid regular expression: %s"),
  GROUP_UNKNOWN("group-unknown",
      "Group '%s' of '%s' is not declared. Declare it in @ConnectorConfig(groups = @Group(id = \"%s\", ...))."),
  GROUP_NESTED("group-nested",
      "Group '%s' of '%s': only top-level properties can be grouped. Move the group to the property that holds this object."),
  GROUP_DUPLICATE("group-duplicate", "Group '%s' is declared twice in @ConnectorConfig."),
  ONEOF_NOT_SEALED("oneof-not-sealed",
      "%s is used as a choice of config values but is not a sealed interface annotated @OneOf. Make it `@OneOf(discriminator = \"...\") sealed interface ... permits ...`."),
  ONEOF_EMPTY("oneof-empty", "@OneOf interface %s permits no implementation; add at least one @Choice record."),
  ONEOF_DISCRIMINATOR("oneof-discriminator", "@OneOf discriminator of %s must not be empty."),
  CHOICE_MISSING("choice-missing",
      "%s implements @OneOf %s but has no @Choice. Annotate it @Choice(\"value\"), the value its discriminator '%s' takes."),
  CHOICE_DUPLICATE("choice-duplicate",
      "@Choice value '%s' of %s is also the value of %s. Each choice of %s needs its own value."),
  CHOICE_EMPTY("choice-empty", "@Choice value of %s must not be empty."),
  CHOICE_DISCRIMINATOR_CLASH("choice-discriminator-clash",
      "Property '%s' of %s has the name of the discriminator of %s. Rename the property, or the discriminator."),
  CHECK_DUPLICATE("check-duplicate", "%s has two @Check methods, %s and %s. Keep one."),
  CHECK_SIGNATURE("check-signature",
      "@Check method %s must be `void %s(%s config) throws Exception`, non-private: %s."),
  CHECK_OUTSIDE("check-outside",
      "@Check method %s is in %s, which is not a @Destination class. Move it into the @Destination class."),
  HANDLER_SIGNATURE("handler-signature",
      "@%s method %s must be `%s`, non-private: %s."),
  HANDLER_DUPLICATE("handler-duplicate", "%s has two @%s methods, %s and %s%s. Keep one."),
  HANDLER_OUTSIDE("handler-outside",
      "@%s method %s is in %s, which is not a @Destination class. Move it into the @Destination class."),
  RECORDS_NO_MODE("records-no-mode",
      "@OnRecords method %s names no sync mode; give it modes = {DestinationSyncMode.APPEND, ...}."),
  RECORDS_NAMESPACE_WITHOUT_STREAM("records-namespace-without-stream",
      "@OnRecords method %s names namespace '%s' but no stream; name the stream too, or leave both out."),
  STREAM_SCHEMA_MISSING("stream-schema-missing",
      "The schema of stream '%s' is not found: looked for %s. Put it in src/main/resources/%s, name another file with @Stream(schema = ...), or set the processor option destkit.schemas to the folder that holds it."),
  STREAM_SCHEMA_JSON("stream-schema-json", "The schema of stream '%s' (%s) is not valid JSON: %s."),
  STREAM_SCHEMA_INVALID("stream-schema-invalid",
      "The schema of stream '%s' (%s) is not a valid JSON schema at %s: %s."),
  STREAM_SCHEMA_NOT_OBJECT("stream-schema-not-object",
      "The schema of stream '%s' (%s) does not describe an object with properties; a typed stream needs its fields. Give it \"type\": \"object\" and \"properties\", or write the stream with a RecordBatch method."),
  STREAM_FIELD_COLLISION("stream-field-collision",
      "The schema of stream '%s' has fields whose Java names collide: %s. Rename one in the schema, or give it a \"javaName\"."),
  STREAM_DUPLICATE("stream-duplicate", "Stream '%s' or record class %s is declared twice; each @Stream needs its own name and type."),
  STREAM_TYPE_NAME("stream-type-name", "@Stream type '%s' is not a Java class name; give a simple name like Employee."),
  RECORDS_TYPE_MISMATCH("records-type-mismatch", "@OnRecords method %s takes %s, but %s."),
  CONNECTOR_DOCKER_REPOSITORY("connector-docker-repository",
      "@Destination dockerRepository '%s' is not a Docker image repository: lower-case letters and digits, with '.', '_' or '-' between them, in parts joined by '/', optionally after a registry host; no tag. E.g. acme/destination-warehouse."),
  CONNECTOR_LICENSE("connector-license",
      "@Destination license must not be blank: metadata.yaml declares it. Use an SPDX identifier such as MIT or Apache-2.0."),
  BREAKING_CHANGE_OUTSIDE("breaking-change-outside",
      "@BreakingChange on %s, which is not a @Destination class, would be ignored. Move it to the @Destination class."),
  BREAKING_CHANGE_VERSION("breaking-change-version",
      "@BreakingChange version '%s' must be a release x.y.z that starts a new major version (x.0.0), or before 1.0.0 a new minor one (0.y.0), as Airbyte asks of a breaking release."),
  BREAKING_CHANGE_DEADLINE("breaking-change-deadline",
      "@BreakingChange upgradeDeadline '%s' of version %s must be a date written YYYY-MM-DD."),
  BREAKING_CHANGE_MESSAGE("breaking-change-message",
      "@BreakingChange message of version %s must not be blank: tell users what changed and what they must do."),
  BREAKING_CHANGE_DUPLICATE("breaking-change-duplicate",
      "Version %s has two @BreakingChange declarations; keep one, with both messages in it."),
  OPTION_VERSION("option-version",
      "Processor option destkit.connectorVersion '%s' cannot be an image tag: use letters, digits, '_', '.' and '-' (at most 128), not starting with '.' or '-'."),
  RELEASED_SPEC_INVALID("released-spec-invalid",
      "The released spec %s (processor option destkit.releasedSpec) cannot be read: %s. Put the spec.json of the last release there, or remove the option."),
  RELEASED_SPEC_ABSENT("released-spec-absent",
      "No released spec at %s (processor option destkit.releasedSpec), so the spec's compatibility is not checked. When you release, copy target/classes/META-INF/destkit/spec.json there."),
  SPEC_BREAKING("spec-breaking",
      "The spec breaks configs or connections made with the released spec %s:%n%s%nIf this is on purpose, acknowledge it: build a new major version (x.0.0, or 0.y.0 before 1.0.0) and declare @BreakingChange(version = \"x.0.0\", upgradeDeadline = \"YYYY-MM-DD\", message = \"what users must do\") on %s; the version being built is %s (processor option destkit.connectorVersion). Otherwise undo the change."),
  GENERATED_NAME_TAKEN("generated-name-taken",
      "destkit generates the class %s for %s, but a class of that name exists already. Rename that class."),
  INTERNAL_ERROR("internal-error",
      "The destkit processor failed on this element; please report it with this trace:%n%s");

  private final String code;
  private final String format;

  Message(String code, String format) {
    this.code = code;
    this.format = format;
  }

  /** The stable code as it appears in messages, e.g. {@code [destkit:secret-type]}. */
  public String code() {
    return "[destkit:" + code + "]";
  }

  /** The full message with its code. */
  public String format(Object... args) {
    return code() + " " + String.format(Locale.ROOT, format, args);
  }
}
