package test.writer;

import io.destkit.annotations.ConnectorConfig;

@ConnectorConfig(title = "Writer")
public record WriterConfig(String folder) {}
