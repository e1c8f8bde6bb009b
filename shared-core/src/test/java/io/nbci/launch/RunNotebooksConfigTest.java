package io.nbci.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class RunNotebooksConfigTest {

    @Test
    public void shouldRenderOneNotebookAsRunWithEveryFlag() {
        RunNotebooksConfig config = RunNotebooksConfig.builder().input("notebooks/score.py")
                .parameters("run_date = 2026-11-23\n# comment\n\nlimit=10").parametersFile("params.yaml")
                .kernel("python3").workingDir("notebooks").cellTimeout("600").startTimeout(" 60 ")
                .logOutput(true).build();

        NbciInvocation invocation = config.toInvocation();

        assertThat(invocation.command()).isEqualTo("run");
        assertThat(invocation.arguments()).containsExactly("run", "notebooks/score.py",
                "nbci-output/notebooks/score.ipynb", "-p", "run_date", "2026-11-23", "-p", "limit", "10",
                "-f", "params.yaml", "--kernel", "python3", "--cwd", "notebooks", "--cell-timeout", "600",
                "--start-timeout", "60", "--log-output", "--junit", "nbci-output/notebooks-junit.xml",
                "--results", "nbci-output/notebooks-results.json");
        assertThat(invocation.collect(Collect.Kind.JUNIT)).containsExactly("nbci-output/notebooks-junit.xml");
        assertThat(invocation.collect(Collect.Kind.RESULTS)).containsExactly("nbci-output/notebooks-results.json");
        assertThat(invocation.collect(Collect.Kind.NOTEBOOK)).containsExactly("nbci-output/notebooks/**/*.ipynb");
        assertThat(invocation.environmentForProcess()).isEmpty();
        assertThat(invocation.secrets()).isEmpty();
    }

    @Test
    public void shouldRenderAGlobAsRunAllWithJobsAndOutputDir() {
        NbciInvocation invocation = RunNotebooksConfig.builder().input("notebooks/**/*.ipynb").jobs("4")
                .outputDir("out/").junitFile("out/junit.xml").resultsFile("out/results.json").build().toInvocation();

        assertThat(invocation.command()).isEqualTo("run-all");
        assertThat(invocation.arguments()).containsExactly("run-all", "notebooks/**/*.ipynb", "--output-dir", "out/",
                "--jobs", "4", "--junit", "out/junit.xml", "--results", "out/results.json");
        assertThat(invocation.collect(Collect.Kind.NOTEBOOK)).containsExactly("out/**/*.ipynb");
    }

    @Test
    public void shouldTreatAFolderAsRunAll() {
        assertThat(RunNotebooksConfig.builder().input("notebooks").build().toInvocation().command())
                .isEqualTo("run-all");
    }

    @Test
    public void shouldMapExitOneToUnstableOnlyWhenConfigured() {
        assertThat(RunNotebooksConfig.builder().input("a.ipynb").build().toInvocation().outcome(1).result())
                .isEqualTo(Outcome.Result.FAILURE);
        assertThat(RunNotebooksConfig.builder().input("a.ipynb").unstableOnFailure(true).build().toInvocation()
                .outcome(1).result()).isEqualTo(Outcome.Result.UNSTABLE);
    }

    @Test
    public void shouldNameTheBadField() {
        assertThatThrownBy(() -> RunNotebooksConfig.builder().build())
                .isInstanceOf(LaunchConfigException.class).hasMessageStartingWith("input: required");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("a.ipynb").cellTimeout("-3").build())
                .hasMessage("cellTimeout: expected a whole number of seconds between 1 and 604800, found \"-3\"");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("../other/a.ipynb").build())
                .hasMessageStartingWith("input: '..' would leave the workspace");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("a.ipynb").jobs("0").build())
                .hasMessageStartingWith("jobs: expected a whole number of parallel kernels between 1 and 64");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("a.ipynb").parameters("x=1\nclass=2"))
                .hasMessageStartingWith("parameters: line 2: expected a Python variable name");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("a.ipynb").parameters("no equals sign"))
                .hasMessage("parameters: line 1: expected name=value, found \"no equals sign\"");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("a.ipynb").kernel("python 3").build())
                .hasMessageStartingWith("kernel: expected a kernelspec name");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("a.ipynb").junitFile("/tmp/j.xml").build())
                .hasMessageStartingWith("junitFile: expected a path relative to the workspace");
    }

    @Test
    public void shouldRefuseWhatRunAllDoesNotTake() {
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("notebooks").parameter("a", "1").build())
                .hasMessage("parameters: nbci run-all (a folder or glob) takes no parameters; give one notebook "
                        + "(.ipynb or .py) to pass parameters");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("nb/*.ipynb").parametersFile("p.yaml").build())
                .hasMessageStartingWith("parametersFile: nbci run-all");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("nb").logOutput(true).build())
                .hasMessageStartingWith("logOutput: nbci run-all (a folder or glob) does not stream cell output");
        assertThatThrownBy(() -> RunNotebooksConfig.builder().input("a.ipynb").jobs("2").build())
                .hasMessage("jobs: jobs apply to a folder or glob; \"a.ipynb\" is one notebook");
    }

    @Test
    public void shouldKeepParameterValuesVerbatimIncludingSpacesAndQuotes() {
        NbciInvocation invocation = RunNotebooksConfig.builder().input("a.ipynb")
                .parameter("title", "it's \"big\" $HOME").build().toInvocation();

        assertThat(invocation.arguments()).containsSequence("-p", "title", "it's \"big\" $HOME");
        assertThat(invocation.display()).contains("'it'\\''s \"big\" $HOME'");
    }
}
