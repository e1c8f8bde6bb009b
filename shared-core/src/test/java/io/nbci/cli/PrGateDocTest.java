package io.nbci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.status.StatusProviders;
import io.nbci.status.TestReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import picocli.CommandLine;

/** Keeps docs/pr-gate.md true: every nbci command in it parses, and its defaults are the code's. */
public class PrGateDocTest {
    private static final Pattern COMMAND = Pattern.compile("(?:\\./)?nbci ((?:gate|status) .*?)(?:'\\s*$|$)");

    private static String doc() throws Exception {
        return Files.readString(Path.of(System.getProperty("nbci.repo.root", "../"), "docs", "pr-gate.md"));
    }

    @Test
    public void shouldParseEveryCommandTheGuideShows() throws Exception {
        List<String> commands = new ArrayList<>();
        boolean inCode = false;
        for (String line : doc().split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            Matcher matcher = COMMAND.matcher(line.strip());
            if (inCode && matcher.find()) {
                commands.add(matcher.group(1));
            }
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        for (String command : commands) {
            String[] args = words(command);
            CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args);
            assertThat(parsed.hasSubcommand()).as(command).isTrue();
        }
    }

    /** Splits like a shell does for plain words and "double" or 'single' quoted ones. */
    private static String[] words(String line) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return words.toArray(new String[0]);
    }

    @Test
    public void shouldListTheDefaultsTheCodeUses() throws Exception {
        String doc = doc();
        for (String glob : TestReports.DEFAULT_JUNIT_GLOBS) {
            assertThat(doc).contains("`" + glob + "`");
        }
        for (String provider : new StatusProviders().names()) {
            assertThat(doc).contains("`" + provider + "`");
        }
    }
}
