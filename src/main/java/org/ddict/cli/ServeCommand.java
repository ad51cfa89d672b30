package org.ddict.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.ddict.reference.Defect;
import org.ddict.reference.Fault;
import org.ddict.reference.ReferenceServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code serve}: the reference server, standalone on 127.0.0.1, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the embedded reference DDI server (+ hawkBit Management API subset) on 127.0.0.1 until stopped.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "8080")
    int port;

    @Option(names = "--defect", description = "Deliberate defect to switch on (repeatable; see 'list defects').")
    List<String> defects = new ArrayList<>();

    @Option(names = "--fault", description = "Hostile behaviour to switch on (repeatable; see 'list faults').")
    List<String> faults = new ArrayList<>();

    @Option(names = "--gateway-token", description = "Gateway token to accept (default: a random one, readable by operators at "
            + "GET /rest/v1/system/configs/authentication.gatewaytoken.key).")
    String gatewayToken;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<Defect> chosen = EnumSet.noneOf(Defect.class);
        for (String d : defects) {
            var defect = Defect.byKey(d);
            if (defect.isEmpty()) {
                err.println("error: unknown defect '" + d + "' (see 'list defects')");
                return Main.BAD_USAGE;
            }
            chosen.add(defect.get());
        }
        Set<Fault> hostile;
        try {
            hostile = RunCommand.faults(faults);
        } catch (org.ddict.config.ConfigException e) {
            err.println("error: " + e.getMessage());
            return Main.BAD_USAGE;
        }
        if (port < 0 || port > 65535) {
            err.println("error: --port must be between 0 and 65535");
            return Main.BAD_USAGE;
        }
        ReferenceServer.Options options = ReferenceServer.Options.defaults().withPort(port).withDefects(chosen).withFaults(hostile);
        if (gatewayToken != null) {
            options = options.withGatewayToken(gatewayToken);
        }
        ReferenceServer server;
        try {
            server = ReferenceServer.start(options);
        } catch (IOException e) {
            err.println("error: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")");
            return Main.BAD_USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        out.println("Reference DDI server listening on " + server.baseUri());
        out.println("  DDI:        " + server.baseUri() + "/" + options.tenant() + "/controller/v1/{controllerId}");
        out.println("  Management: " + server.baseUri() + "/rest/v1 (user " + options.mgmtUser() + ")");
        out.println("  Defects:    " + (chosen.isEmpty() ? (hostile.isEmpty() ? "none (faithful)" : "none") : chosen));
        if (!hostile.isEmpty()) {
            out.println("  Faults:     " + hostile);
        }
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
