package io.nbci.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class FixtureTest {

    @Test
    public void shouldKeepTheDeclaredColumnAndPartitionOrder() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String name : List.of("name", "age", "score", "city", "zip", "email", "b", "a", "z", "y")) {
            columns.put(name, "STRING");
        }
        Map<String, String> partition = new LinkedHashMap<>();
        partition.put("year", "2016");
        partition.put("month", "10");
        partition.put("day", "10");

        Map<String, String> partitionColumns = new LinkedHashMap<>();
        partition.keySet().forEach(key -> partitionColumns.put(key, "STRING"));

        Fixture.HiveTable table = new Fixture.HiveTable("t.yaml:1", "db", "t", null, columns, partitionColumns,
                partition,
                List.of(), "textfile", null);

        assertThat(table.columns().keySet()).containsExactlyElementsOf(columns.keySet());
        assertThat(HiveFixtures.createTable(table)).contains("(`name` STRING, `age` STRING, `score` STRING")
                .contains("PARTITIONED BY (`year` STRING, `month` STRING, `day` STRING)");
        assertThat(HiveFixtures.partitionClause(table)).isEqualTo(" PARTITION (`year`='2016', `month`='10', `day`='10')");
    }
}
