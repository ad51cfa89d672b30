package org.ddict.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.ddict.reference.Http.Request;
import org.ddict.reference.Http.Response;

/** Embedded, in-memory hawkBit 1.1.0 look-alike: DDI at {@code /{tenant}/controller/v1/**}, Management API at {@code /rest/v1/**}. */
public final class ReferenceServer implements AutoCloseable {
    static {
        // headers and body are written separately: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms per response
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Store store;
    private final DdiHandler ddi;
    private final MgmtHandler mgmt;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    private ReferenceServer(Options options) throws IOException {
        this.options = options;
        this.store = new Store(options);
        this.ddi = new DdiHandler(store);
        this.mgmt = new MgmtHandler(store);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        this.executor = Executors.newFixedThreadPool(12, r -> {
            Thread t = new Thread(r, "reference-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public static ReferenceServer start(Options options) throws IOException {
        ReferenceServer s = new ReferenceServer(options);
        s.server.start();
        return s;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Options options() {
        return options;
    }

    public long requestCount() {
        return requests.get();
    }

    public long handlingNanos() {
        return nanos.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        long start = System.nanoTime();
        try (ex) {
            Response r;
            try {
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Request req = Request.of(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                        ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body);
                r = dispatch(req);
            } catch (Http.Halt h) {
                r = h.response;
            } catch (RuntimeException | IOException | Error e) {
                r = Response.json(500, Json.springError(500, "Internal Server Error: " + e, ex.getRequestURI().getPath()),
                        "application/json");
            }
            send(ex, r);
        } catch (IOException | RuntimeException ignored) {
            // the client went away; nothing left to answer
        } finally {
            requests.incrementAndGet();
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    private Response dispatch(Request req) {
        var segs = req.segments();
        if (segs.size() >= 2 && segs.get(0).equals("rest") && segs.get(1).equals("v1")) {
            synchronized (store) {
                return mgmt.handle(req);
            }
        }
        if (segs.size() >= 4 && segs.get(1).equals("controller") && segs.get(2).equals("v1") && !segs.get(0).isEmpty()) {
            synchronized (store) {
                return DdiErrorBodies.apply(store, () -> ddi.handle(req));
            }
        }
        return Response.json(404, Json.springError(404, "Not Found", req.rawPath()), "application/json");
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            ex.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        boolean head = "HEAD".equals(ex.getRequestMethod());
        byte[] body = r.body();
        if (body == null || head || r.status() == 304 || r.status() == 204) {
            ex.sendResponseHeaders(r.status(), -1);
            return;
        }
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Start-up options; {@code port 0} binds a free port. {@code publishedTable}: the cancel channel records feedback as
     * the published mapping table says instead of as hawkBit does (catalogue §5.1 HB-DEV-01..03) — not a defect, the
     * other reading of a specification ambiguity.
     */
    public record Options(int port, String tenant, String mgmtUser, String mgmtPassword,
                          String gatewayToken, String pollingTime, Set<Defect> defects, boolean publishedTable) {

        public Options {
            defects = defects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(defects));
        }

        public static Options defaults() {
            return new Options(0, "DEFAULT", "admin", "admin", Store.randomHex32(), "00:05:00", Set.of(), false);
        }

        public Options withPort(int p) {
            return new Options(p, tenant, mgmtUser, mgmtPassword, gatewayToken, pollingTime, defects, publishedTable);
        }

        public Options withTenant(String t) {
            return new Options(port, t, mgmtUser, mgmtPassword, gatewayToken, pollingTime, defects, publishedTable);
        }

        public Options withCredentials(String user, String password) {
            return new Options(port, tenant, user, password, gatewayToken, pollingTime, defects, publishedTable);
        }

        public Options withGatewayToken(String g) {
            return new Options(port, tenant, mgmtUser, mgmtPassword, g, pollingTime, defects, publishedTable);
        }

        public Options withPollingTime(String p) {
            return new Options(port, tenant, mgmtUser, mgmtPassword, gatewayToken, p, defects, publishedTable);
        }

        public Options withDefects(Collection<Defect> d) {
            return new Options(port, tenant, mgmtUser, mgmtPassword, gatewayToken, pollingTime, Set.copyOf(d), publishedTable);
        }

        /** Cancel-channel feedback recorded per the published mapping table (HB-DEV-01..03 the other way). */
        public Options withPublishedTable(boolean published) {
            return new Options(port, tenant, mgmtUser, mgmtPassword, gatewayToken, pollingTime, defects, published);
        }
    }
}
