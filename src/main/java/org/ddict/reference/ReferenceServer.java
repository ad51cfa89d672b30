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
    private volatile long latencyNanos;
    private final Store store;
    private final DdiHandler ddi;
    private final MgmtHandler mgmt;
    private final FaultResponder faults;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong managementWrites = new AtomicLong();

    private ReferenceServer(Options options) throws IOException {
        this.options = options;
        this.store = new Store(options);
        this.ddi = new DdiHandler(store);
        this.mgmt = new MgmtHandler(store);
        this.faults = new FaultResponder(options.faults());
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

    /**
     * Adds this much time to every answer, outside the store's lock (as a remote server's network and database time
     * would): for benchmarks that model a real deployment rather than an in-memory server on loopback.
     */
    public ReferenceServer withLatency(java.time.Duration latency) {
        this.latencyNanos = latency.toNanos();
        return this;
    }

    public long requestCount() {
        return requests.get();
    }

    public long handlingNanos() {
        return nanos.get();
    }

    /** Management API requests other than GET and HEAD received so far (whatever they answered). */
    public long managementWrites() {
        return managementWrites.get();
    }

    /**
     * The server's data, one line of all fields per entity keyed {@code kind:id} (targets, actions with their status
     * history, software modules with artifacts, distribution sets, types, tenant settings): equal snapshots, equal data.
     */
    public Map<String, String> snapshot() {
        synchronized (store) {
            return StoreSnapshot.of(store);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        faults.close();
    }

    private void handle(HttpExchange ex) {
        long start = System.nanoTime();
        boolean handedOver = false;
        try {
            Response r;
            Request req = null;
            try {
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readAllBytes();
                }
                req = Request.of(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                        ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body);
                r = tooLarge(ex, req);
                if (r == null) {
                    r = dispatch(req);
                }
                for (long until = start + latencyNanos, left = latencyNanos; left > 0; left = until - System.nanoTime()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(left);
                }
            } catch (Http.Halt h) {
                r = h.response;
            } catch (RuntimeException | IOException | Error e) {
                r = Response.json(500, Json.springError(500, "Internal Server Error: " + e, ex.getRequestURI().getPath()),
                        "application/json");
            }
            Fault fault = req == null ? null : faults.match(req, r);
            if (fault != null) {
                handedOver = true;
                faults.answer(fault, ex, req, r);
                return;
            }
            send(ex, r);
        } catch (IOException | RuntimeException ignored) {
            // the client went away; nothing left to answer
        } finally {
            if (!handedOver) {
                ex.close();
            }
            requests.incrementAndGet();
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Tomcat's default header limit (8 KiB, hawkBit: 400) and 1 MiB for DDI bodies (413); {@code null} when within. */
    private Response tooLarge(HttpExchange ex, Request req) {
        long headerBytes = ex.getRequestHeaders().entrySet().stream()
                .mapToLong(h -> h.getValue().stream().mapToLong(v -> h.getKey().length() + v.length() + 4L).sum()).sum();
        boolean ddi = req.segments().size() >= 2 && req.segments().get(1).equals("controller");
        int status = headerBytes > MAX_HEADER_BYTES ? 400 : ddi && req.body().length > MAX_DDI_BODY_BYTES ? 413 : 0;
        if (status == 0) {
            return null;
        }
        if (options.defects().contains(Defect.OVERSIZED_REQUEST_500)) {
            throw new IllegalStateException("request buffer overflow");
        }
        return Response.json(status, Json.springError(status, status == 400 ? "Bad Request" : "Payload Too Large",
                req.rawPath()), "application/json");
    }

    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final int MAX_DDI_BODY_BYTES = 1024 * 1024;

    private Response dispatch(Request req) {
        var segs = req.segments();
        if (segs.size() >= 2 && segs.get(0).equals("rest") && segs.get(1).equals("v1")) {
            if (!req.method().equals("GET") && !req.method().equals("HEAD")) {
                managementWrites.incrementAndGet();
            }
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
                          String gatewayToken, String pollingTime, Set<Defect> defects, Set<Fault> faults,
                          boolean publishedTable) {

        public Options {
            defects = defects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(defects));
            faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        }

        public Options(int port, String tenant, String mgmtUser, String mgmtPassword, String gatewayToken,
                       String pollingTime, Set<Defect> defects) {
            this(port, tenant, mgmtUser, mgmtPassword, gatewayToken, pollingTime, defects, Set.of(), false);
        }

        public static Options defaults() {
            return new Options(0, "DEFAULT", "admin", "admin", Store.randomHex32(), "00:05:00", Set.of(), Set.of(), false);
        }

        public Options withPort(int p) {
            return new Options(p, tenant, mgmtUser, mgmtPassword, gatewayToken, pollingTime, defects, faults, publishedTable);
        }

        public Options withTenant(String t) {
            return new Options(port, t, mgmtUser, mgmtPassword, gatewayToken, pollingTime, defects, faults, publishedTable);
        }

        public Options withCredentials(String user, String password) {
            return new Options(port, tenant, user, password, gatewayToken, pollingTime, defects, faults, publishedTable);
        }

        public Options withGatewayToken(String g) {
            return new Options(port, tenant, mgmtUser, mgmtPassword, g, pollingTime, defects, faults, publishedTable);
        }

        public Options withPollingTime(String p) {
            return new Options(port, tenant, mgmtUser, mgmtPassword, gatewayToken, p, defects, faults, publishedTable);
        }

        public Options withDefects(Collection<Defect> d) {
            return new Options(port, tenant, mgmtUser, mgmtPassword, gatewayToken, pollingTime, Set.copyOf(d), faults, publishedTable);
        }

        /** Hostile behaviour on chosen DDI resources ({@link Fault}); empty for a well-behaved server. */
        public Options withFaults(Collection<Fault> f) {
            return new Options(port, tenant, mgmtUser, mgmtPassword, gatewayToken, pollingTime, defects, Set.copyOf(f), publishedTable);
        }

        /** Cancel-channel feedback recorded per the published mapping table (HB-DEV-01..03 the other way). */
        public Options withPublishedTable(boolean published) {
            return new Options(port, tenant, mgmtUser, mgmtPassword, gatewayToken, pollingTime, defects, faults, published);
        }
    }
}
