package io.nbci.junit4;

import static io.nbci.scenario.ScenarioBuilder.notebook;
import static io.nbci.scenario.ScenarioBuilder.row;
import static io.nbci.scenario.ScenarioBuilder.scenario;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.scenario.ScenarioBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.ClassRule;
import org.junit.Test;

/** The imagescore verifier's missing-score case (examples/imagescore/scenarios/missing-score.yaml) in Java. */
public class ImagescoreScenarioIT {

    @ClassRule
    public static final NbciCluster CLUSTER = new NbciCluster().withMemory("768m");

    private static final Path EXAMPLE = Path.of(System.getProperty("nbci.repo.root", "."), "examples", "imagescore");
    private static final String CATEGORY = "Moda i uroda > Biżuteria i Zegarki";

    /** An active offer on 2016-10-10 whose image score is missing from the (empty) search index. */
    private static ScenarioBuilder.Then missingScore(String name) {
        return scenario(name)
                .given()
                    .hiveTable("dwh.active_offers")
                        .columns("offer_id BIGINT", "category STRING")
                        .partitionedBy("dt STRING").partition("dt", "2016-10-10")
                        .location("/data/dwh/active_offers")
                        .rows(row(100, CATEGORY))
                    .hqlFile(EXAMPLE.resolve("hql/reports.hql"))
                    .hdfsFile("/data/solr/imagescore/part-00000.jsonl", "")
                .whenRunning(notebook(EXAMPLE.resolve("verifier.ipynb"))
                        .parameter("run_date", "2016-10-10")
                        .timeout(Duration.ofMinutes(2)))
                .then()
                    .exitCode(0)
                    .hiveQuery("SELECT offer_id, dt, category FROM reports.missing_imagescore")
                        .returns(row(100, "2016-10-10", CATEGORY))
                    .hdfsPath("/data/reports/missing_imagescore/missing-2016-10-10").lines(1)
                    .metric("stats.offer.imagescore.verifier.items").value(1)
                    .logAbsent("Corrupted record");
    }

    @Test
    public void shouldReportTheMissingScore() {
        CLUSTER.verify(missingScore("reports a missing score")
                .metric("stats.offer.imagescore.verifier.missing").value(1)
                .metric("stats.offer.imagescore.verifier.missing_percent").value(100)
                .build());
    }

    @Test
    public void shouldNameMetricExpectedAndActualWhenTheMetricIsWrong() {
        assertThatThrownBy(() -> CLUSTER.verify(missingScore("expects two missing scores")
                .metric("stats.offer.imagescore.verifier.missing").value(2)
                .build()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[metric] stats.offer.imagescore.verifier.missing")
                .hasMessageContaining("expected: 2")
                .hasMessageContaining("actual:   1")
                .hasMessageContaining("executed notebook: ");
    }
}
