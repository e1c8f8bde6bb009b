package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nbci} command line: one adapter over the core, like the Jenkins and Bamboo
 * plugins. It parses arguments into core config objects, routes the core's log sink to
 * the console and turns outcomes into the documented exit codes (see {@link ExitCode}).
 */
@Command(name = "nbci",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Notebook CI for Hadoop data teams.",
        subcommands = {
            CommandLine.HelpCommand.class,
            StatusCommand.class,
            GateCommand.class,
            ReportCommand.class,
            RunCommand.class,
            RunAllCommand.class,
            ConvertCommand.class,
            PairCommand.class,
            StripCommand.class,
            LintCommand.class,
            ClusterCommand.class,
            DeployCommand.class,
            ReleasesCommand.class,
            RollbackCommand.class,
            UnlockCommand.class,
            TestCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the work ran and failed (a cell raised, an assertion failed, a check found differences)",
            "2:bad usage or bad input (nothing was run)",
            "3:infrastructure error (kernel, cluster, HDFS or status API)",
            "4:timeout"
        })
public final class Main implements Runnable {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests and by the adapters' in-process checks). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(Main::handle);
        commandLine.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("nbci: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            err.flush();
            return ExitCode.BAD_INPUT.code();
        });
        return commandLine.execute(args);
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.hasMatchedOption("--verbose") || isVerbose(parseResult);
        if (e instanceof NbciException) {
            err.println("nbci: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ((NbciException) e).exitCode().code();
        }
        err.println("nbci: internal error: " + e);
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return ExitCode.INFRASTRUCTURE.code();
    }

    private static boolean isVerbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult sub = parseResult; sub != null; sub = sub.subcommand()) {
            if (sub.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Reads the version Maven filtered into version.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"nbci " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version")};
        }
    }
}
