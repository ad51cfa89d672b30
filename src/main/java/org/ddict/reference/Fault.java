package org.ddict.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ddict.catalogue.Area;

/**
 * Hostile behaviour of a broken DDI server, switched on in the reference server to prove that the suite survives it:
 * the run ends within its time bound, the checks that meet the fault FAIL with a reason and the evidence, the others
 * still run. Unlike a {@link Defect} a fault breaks the transport or the body itself, not one requirement; each hits
 * only the 2xx answers of one DDI resource ({@link Scope}), so that the rest of a run stays meaningful.
 */
public enum Fault {
    NON_JSON_BODY("non-json-body", Scope.DEPLOYMENT,
            "the deployment document is an HTML error page labelled application/hal+json"),
    TRUNCATED_JSON("truncated-json", Scope.CANCEL,
            "the cancel document is cut after half of its JSON text (Content-Length matches the cut body)"),
    WRONG_CONTENT_TYPE("wrong-content-type", Scope.DEPLOYMENT,
            "the deployment document (still JSON) is labelled text/html"),
    SERVER_ERROR_500("server-error-500", Scope.CONFIG_DATA,
            "every configData upload the server would accept is answered 500 with an HTML body"),
    SLOW_RESPONSE("slow-response", Scope.CANCEL,
            "the cancel document is answered after " + FaultResponder.SLOW.toSeconds() + " s, longer than the suite's per-request timeout"),
    RESET_MID_BODY("reset-mid-body", Scope.DOWNLOAD,
            "artifact downloads declare the full Content-Length, send half of the bytes and close the connection"),
    REDIRECT_LOOP("redirect-loop", Scope.DEPLOYMENT,
            "the deployment document is answered 302 with a Location pointing at itself"),
    HUGE_BODY("huge-body", Scope.DOWNLOAD,
            "artifact downloads answer a 50 MB body (streamed zeros, Content-Length 52428800)"),
    ENDLESS_CHUNKED("endless-chunked", Scope.DOWNLOAD,
            "artifact downloads answer a chunked body that never ends (a small chunk every 50 ms until the client "
                    + "disconnects, at most " + FaultResponder.ENDLESS_BOUND.toSeconds() + " s)"),
    ;

    /** The DDI resource a fault hits: only its 2xx answers change. */
    public enum Scope {
        /** {@code GET {base}/deploymentBase/{A}}. */
        DEPLOYMENT("GET deploymentBase/{A}", List.of(Area.DEPLOY)),
        /** {@code GET {base}/cancelAction/{A}}. */
        CANCEL("GET cancelAction/{A}", List.of(Area.CANCEL)),
        /** {@code PUT {base}/configData}. */
        CONFIG_DATA("PUT configData", List.of(Area.CONFIG)),
        /** {@code GET {base}/softwaremodules/{M}/artifacts/{file}} (not the .MD5SUM files). */
        DOWNLOAD("GET softwaremodules/{M}/artifacts/{file}", List.of(Area.DOWNLOAD));

        private final String resource;
        private final List<Area> areas;

        Scope(String resource, List<Area> areas) {
            this.resource = resource;
            this.areas = areas;
        }

        /** The resource, relative to the controller base. */
        public String resource() {
            return resource;
        }

        /** The areas whose checks meet the fault first (other areas may use the resource too). */
        public List<Area> areas() {
            return areas;
        }

        /** True when {@code segments} (below the controller base) and {@code method} address this resource. */
        boolean matches(String method, List<String> rest) {
            return switch (this) {
                case DEPLOYMENT -> method.equals("GET") && rest.size() == 2 && rest.get(0).equals("deploymentBase");
                case CANCEL -> method.equals("GET") && rest.size() == 2 && rest.get(0).equals("cancelAction");
                case CONFIG_DATA -> method.equals("PUT") && rest.size() == 1 && rest.get(0).equals("configData");
                case DOWNLOAD -> method.equals("GET") && rest.size() == 4 && rest.get(0).equals("softwaremodules")
                        && rest.get(2).equals("artifacts") && !rest.get(3).endsWith(".MD5SUM");
            };
        }
    }

    private final String key;
    private final Scope scope;
    private final String description;

    Fault(String key, Scope scope, String description) {
        this.key = key;
        this.scope = scope;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Scope scope() {
        return scope;
    }

    public String description() {
        return description;
    }

    public static Optional<Fault> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
