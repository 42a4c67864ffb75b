package test.typed;

import io.destkit.annotations.Destination;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.Stream;
import java.util.ArrayList;
import java.util.List;

@Destination(name = "destination-typed", documentationUrl = "https://example.com/docs/typed",
    config = TypedConfig.class)
@Stream(name = "employees", type = "Employee")
public class TypedDestination {
  public final List<Employee> written = new ArrayList<>();

  @OnRecords(stream = "employees")
  void employees(List<Employee> batch) {
    written.addAll(batch);
  }
}
