package io.nbci.clusterruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class GraphiteSinkTest {

    private GraphiteSink sink;

    @Before
    public void open() throws Exception {
        sink = new GraphiteSink("localhost", 0);
    }

    @After
    public void close() {
        sink.close();
    }

    @Test
    public void shouldParsePlaintextLinesAndKeepTaggedPathsWhole() {
        sink.accept("jobs.score.rows 42 1700000000");
        sink.accept("jobs.score.millis;env=ci;team=data 1.5 1700000001.0");

        assertThat(sink.query("**")).containsExactly(
                new GraphiteSink.Sample("jobs.score.rows", 42, 1700000000L),
                new GraphiteSink.Sample("jobs.score.millis;env=ci;team=data", 1.5, 1700000001L));
    }

    @Test
    public void shouldDropMalformedLines() {
        sink.accept("no-value");
        sink.accept("a.b notanumber 1700000000");
        sink.accept("   ");

        assertThat(sink.query("**")).isEmpty();
    }

    @Test
    public void shouldMatchGraphiteGlobs() {
        for (String name : List.of("a.b.c", "a.x.c", "a.b.c.d", "a.bb.c;tag=1", "z.b.c")) {
            sink.accept(name + " 1 1");
        }

        assertThat(names("a.*.c")).containsExactly("a.b.c", "a.x.c", "a.bb.c;tag=1");
        assertThat(names("a.**")).containsExactly("a.b.c", "a.x.c", "a.b.c.d", "a.bb.c;tag=1");
        assertThat(names("{a,z}.b.c")).containsExactly("a.b.c", "z.b.c");
        assertThat(names("a.?.c")).containsExactly("a.b.c", "a.x.c");
        assertThat(names("a.b.c")).containsExactly("a.b.c");
    }

    @Test
    public void shouldForgetEverythingOnClear() {
        sink.accept("a.b 1 1");

        sink.clear();

        assertThat(sink.query("**")).isEmpty();
    }

    private List<String> names(String glob) {
        return sink.query(glob).stream().map(GraphiteSink.Sample::name).toList();
    }
}
