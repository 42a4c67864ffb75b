package test.typed;

import io.destkit.annotations.Destination;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.Stream;
import io.destkit.runtime.write.TypedBatch;
import java.util.ArrayList;
import java.util.List;

@Destination(name = "destination-typed", documentationUrl = "https://example.com/docs/typed",
    config = TypedConfig.class)
@Stream(name = "employees", type = "Employee")
@Stream(name = "contractors", type = "Contractor", schema = "schemas/employees.json")
public class TypedDestination {
  public final List<Employee> written = new ArrayList<>();
  public final List<Long> extractedAt = new ArrayList<>();

  @OnRecords(stream = "employees")
  void employees(List<Employee> batch) {
    written.addAll(batch);
  }

  @OnRecords(stream = "contractors", files = true)
  void contractors(TypedBatch<Contractor> batch) {
    for (int i = 0; i < batch.size(); i++) {
      extractedAt.add(batch.meta(i).emittedAt());
    }
  }
}
