package io.destkit.processor;

import static io.destkit.processor.ConnectorSources.config;
import static io.destkit.processor.ConnectorSources.destination;
import static io.destkit.processor.ConnectorSources.file;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mistakes in the write handlers of a destination. */
class HandlerErrorsTest {

  static List<ErrorCase> cases() {
    return List.of(
        ErrorCase.of(Message.HANDLER_SIGNATURE, "a records method that takes a String",
                config(), destination(
                    "  @OnRecords",
                    "  void write(String rows) {}"))
            .on("TestDestination", "void write(String rows)")
            .saying("@OnRecords method write() must be `void write(RecordBatch batch) throws Exception`",
                "its parameters differ"),
        ErrorCase.of(Message.HANDLER_DUPLICATE, "two records methods for any stream in append",
                config(), destination(
                    "  @OnRecords",
                    "  void write(io.destkit.runtime.write.RecordBatch batch) {}",
                    "  @OnRecords(modes = {DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND})",
                    "  void writeAgain(io.destkit.runtime.write.RecordBatch batch) {}"))
            .on("TestDestination", "void writeAgain(")
            .saying("two @OnRecords methods, write() and writeAgain() for any stream in mode append"),
        ErrorCase.of(Message.HANDLER_OUTSIDE, "a commit method in a helper class",
                config(), destination(), file("Helper", "class Helper {", "  @OnCommit", "  void commit() {}", "}"))
            .on("Helper", "void commit()")
            .saying("@OnCommit method commit() is in Helper, which is not a @Destination class"),
        ErrorCase.of(Message.RECORDS_NO_MODE, "a records method with no mode",
                config(), destination(
                    "  @OnRecords(",
                    "      modes = {})",
                    "  void write(io.destkit.runtime.write.RecordBatch batch) {}"))
            .on("TestDestination", "modes = {}")
            .saying("@OnRecords method write() names no sync mode"),
        ErrorCase.of(Message.RECORDS_NAMESPACE_WITHOUT_STREAM, "a namespace without a stream",
                config(), destination(
                    "  @OnRecords(",
                    "      namespace = \"crm\")",
                    "  void write(io.destkit.runtime.write.RecordBatch batch) {}"))
            .on("TestDestination", "namespace = \"crm\"")
            .saying("names namespace 'crm' but no stream"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reports(ErrorCase mistake) {
    mistake.verify();
  }
}
