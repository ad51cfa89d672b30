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
    /** No MUST failed, but the run stopped at its deadline or request budget before every check ran. */
    public static final int INCOMPLETE = 4;

    /** Set in the child JVM that {@link #main} starts for a run, so that it does not start another. */
    static final String CHILD = "ddict.child";

    public static void main(String[] args) {
        if (isRun(args) && System.getProperty(CHILD) == null && System.getenv("DDICT_NO_FORK") == null) {
            Integer code = runInTunedJvm(args);
            if (code != null) {
                System.exit(code);
            }
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    private static boolean isRun(String[] args) {
        return args.length == 0 || args[0].equals("run") || (args[0].startsWith("-") && !isTopLevelOption(args[0]));
    }

    /**
     * A run is a short, busy batch job: on a 2-core machine the C2 compiler's background work doubled its CPU time
     * (measured: 20 s → 10 s user time, 14 s → 9.4 s wall without the HTML report). The run therefore continues in a
     * child JVM limited to the C1 compiler, with the same streams; null when the child cannot be started.
     */
    private static Integer runInTunedJvm(String[] args) {
        try {
            String jar = java.nio.file.Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                    java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-D" + CHILD + "=true", "-cp", jar, Main.class.getName()));
            command.addAll(java.util.List.of(args));
            Process child = new ProcessBuilder(command).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return child.waitFor();
        } catch (Exception e) {
            return null;
        }
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
