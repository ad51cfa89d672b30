package org.ddict.cli;

import java.io.PrintWriter;
import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar ddi-conformance.jar [run|serve|list] …}. With no subcommand it runs the suite. Exit codes: 0
 * conformant, 1 non-conformant, 2 bad usage or configuration, 3 server unreachable.
 */
@Command(name = "ddi-conformance", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Certifies whether a server implements the Eclipse hawkBit DDI API correctly.",
        subcommands = {RunCommand.class, ServeCommand.class, ListCommand.class})
public final class Main {

    public static final int CONFORMANT = 0;
    public static final int NON_CONFORMANT = 1;
    public static final int BAD_USAGE = 2;
    public static final int UNREACHABLE = 3;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code (used by the tests, which must not exit the JVM). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        String[] effective = args.length == 0 || (args[0].startsWith("-") && !isTopLevelOption(args[0]))
                ? prepend("run", args) : args;
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage() + " (see --help)");
            return BAD_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return BAD_USAGE;
        });
        return cli.execute(effective);
    }

    private static boolean isTopLevelOption(String arg) {
        return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"DDI Conformance Suite " + org.ddict.report.SuiteVersion.get()
                    + " (catalogue REQUIREMENTS.md 1.1, " + org.ddict.catalogue.Req.values().length + " requirements)"};
        }
    }

    static String joined(Object[] values) {
        return String.join(", ", Arrays.stream(values).map(String::valueOf).toList());
    }
}
