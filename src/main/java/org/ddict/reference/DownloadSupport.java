package org.ddict.reference;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.ddict.reference.Http.Request;
import org.ddict.reference.Http.Response;
import org.ddict.reference.Store.Action;
import org.ddict.reference.Store.Artifact;
import org.ddict.reference.Store.Module;
import org.ddict.reference.Store.Target;

/**
 * Artifact and checksum downloads {@code {base}/softwaremodules/{M}/artifacts/{F}[.MD5SUM]} as hawkBit 1.1.0 serves
 * them: If-Match against the bare SHA-1 (checked before the assignment), single and multipart byte ranges, If-Range,
 * 416 with {@code Content-Range: bytes *}{@code /size}, and a {@code download} status entry for full downloads only.
 */
final class DownloadSupport {

    static final String BOUNDARY = "THIS_STRING_SEPARATES_MULTIPART";

    private final Store store;

    DownloadSupport(Store store) {
        this.store = store;
    }

    /**
     * Serves {@code fileName} of {@code m} to {@code t}; {@code delivering} is the open, not-cancelling action of t that
     * contains m (or null), {@code notAssigned} the refusal when t may not download it.
     */
    Response download(Request req, Target t, Module m, String fileName, Action delivering, Supplier<Http.Halt> notAssigned) {
        boolean md5 = false;
        Artifact f = m.artifact(fileName);
        if (f == null && fileName.endsWith(".MD5SUM")) {
            f = m.artifact(fileName.substring(0, fileName.length() - ".MD5SUM".length()));
            md5 = true;
        }
        if (f == null) {
            return Response.empty(404);
        }
        String ifMatch = req.header("If-Match");
        if (!md5 && ifMatch != null && !store.has(Defect.IF_MATCH_IGNORED) && !matches(ifMatch, f.sha1())) {
            return Response.empty(412);
        }
        boolean stale = false;
        if (delivering == null && !store.has(Defect.FOREIGN_ARTIFACT_DOWNLOADABLE)) {
            if (store.has(Defect.UNASSIGNED_MODULE_DOWNLOADABLE) && assignedToNobody(m.id)) {
                // the defect: modules of sets assigned to no controller count as public
            } else if (store.has(Defect.STALE_DOWNLOAD_TRUNCATED) && everAssigned(t, m.id)) {
                stale = true;
            } else {
                throw notAssigned.get();
            }
        }
        String path = req.rawPath();
        boolean ranged = req.header("Range") != null;
        if (md5) {
            record(delivering, path);
            String digest = store.has(Defect.MD5SUM_WRONG_DIGEST) ? f.sha1().substring(0, 32) : f.md5();
            return Response.bytes(200, "text/plain", (digest + "  " + f.filename()).getBytes(StandardCharsets.US_ASCII))
                    .with("Content-Disposition", "attachment;filename=" + f.filename() + ".MD5SUM");
        }
        byte[] bytes = f.bytes();
        if (stale) {
            return withHeaders(Response.bytes(200, "application/octet-stream", Arrays.copyOf(bytes, bytes.length / 2)), f);
        }
        int size = bytes.length;
        String range = req.header("Range");
        String ifRange = req.header("If-Range");
        if (ifRange != null && (store.has(Defect.IF_RANGE_ALWAYS_FULL)
                || !ifRange.equals("\"" + f.sha1() + "\"") && !ifRange.equals(f.sha1()))) {
            range = null;
        }
        Response r;
        if (range != null && range.startsWith("bytes=")) {
            List<long[]> spans = spans(range.substring("bytes=".length()), size);
            if (spans == null) {
                if (store.has(Defect.RANGE_BEYOND_END_SERVED)) {
                    r = Response.bytes(200, "application/octet-stream", bytes);
                } else {
                    r = Response.bytes(416, "application/octet-stream", new byte[0]).with("Content-Range", "bytes */" + size);
                }
            } else if (spans.size() == 1) {
                long[] s = spans.get(0);
                if (store.has(Defect.SUFFIX_RANGE_IGNORED) && range.substring("bytes=".length()).trim().startsWith("-")) {
                    r = Response.bytes(200, "application/octet-stream", bytes);
                } else {
                    int shift = store.has(Defect.SINGLE_RANGE_OFF_BY_ONE) && s[1] + 1 < size ? 1 : 0;
                    r = Response.bytes(206, "application/octet-stream",
                            Arrays.copyOfRange(bytes, (int) s[0] + shift, (int) s[1] + 1 + shift))
                            .with("Content-Range", "bytes " + s[0] + "-" + s[1] + "/" + size);
                }
            } else {
                r = Response.bytes(206, "multipart/byteranges; boundary=" + BOUNDARY, multipart(bytes, spans));
            }
        } else {
            if (!ranged) {
                record(delivering, path);
            }
            byte[] body = bytes;
            if (store.has(Defect.DOWNLOAD_BYTES_CORRUPTED)) {
                body = bytes.clone();
                body[body.length - 1] ^= 0x5a;
            }
            if (store.has(Defect.IF_NONE_MATCH_EMPTY_200) && req.header("If-None-Match") != null
                    && req.header("If-None-Match").contains(f.sha1())) {
                body = new byte[0];
            }
            r = Response.bytes(200, "application/octet-stream", body);
        }
        return withHeaders(r, f);
    }

    private Response withHeaders(Response r, Artifact f) {
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(f.createdAt()), ZoneOffset.UTC));
        r.with("Content-Disposition", "attachment;filename=" + f.filename()).with("Last-Modified", lastModified);
        if (!store.has(Defect.DOWNLOAD_WITHOUT_ETAG)) {
            r.with("ETag", "\"" + f.sha1() + "\"");
        }
        return r.with("Accept-Ranges", "bytes");
    }

    /** hawkBit's HttpUtil.matchesHttpHeader: comma-separated values compared verbatim with the bare SHA-1, or '*'. */
    private static boolean matches(String header, String sha1) {
        return Arrays.stream(header.split("\\s*,\\s*")).map(String::trim).anyMatch(v -> v.equals(sha1) || v.equals("*"));
    }

    private boolean assignedToNobody(long moduleId) {
        return store.actions.values().stream().noneMatch(a -> a.ds.contains(moduleId));
    }

    private boolean everAssigned(Target t, long moduleId) {
        return store.actionsOf(t).stream().anyMatch(a -> a.ds.contains(moduleId));
    }

    private void record(Action a, String path) {
        if (a != null) {
            store.addStatus(a, store.has(Defect.DOWNLOAD_RECORDED_AS_RUNNING) ? "running" : "download",
                    List.of("Update Server: Target downloads " + path), null, null);
        }
    }

    private byte[] multipart(byte[] bytes, List<long[]> spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] first = spans.get(0);
        for (long[] s : spans) {
            long[] source = store.has(Defect.MULTI_RANGE_FIRST_PART_REPEATED) ? first : s;
            String head = "--" + BOUNDARY + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes "
                    + s[0] + "-" + s[1] + "/" + bytes.length + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            int from = (int) source[0];
            int to = (int) Math.min(source[0] + (s[1] - s[0]), bytes.length - 1);
            out.writeBytes(Arrays.copyOfRange(bytes, from, to + 1));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The inclusive spans of a {@code bytes=} range set, or null when any is invalid or unsatisfiable, or they overlap. */
    static List<long[]> spans(String set, int size) {
        List<long[]> spans = new ArrayList<>();
        for (String spec : set.split(",")) {
            long[] s = span(spec.trim(), size);
            if (s == null) {
                return null;
            }
            spans.add(s);
        }
        if (spans.size() > 1) {
            List<long[]> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingLong(s -> s[0]));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i)[0] <= sorted.get(i - 1)[1]) {
                    return null;
                }
            }
        }
        return spans;
    }

    /** Inclusive [start, end] of one byte range, or null when unsatisfiable or invalid. */
    private static long[] span(String spec, int size) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            long start;
            long end;
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                if (n <= 0) {
                    return null;
                }
                start = Math.max(0, size - n);
                end = size - 1;
            } else {
                start = Long.parseLong(a);
                end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            }
            if (start >= size || start > end || size == 0 || start < 0) {
                return null;
            }
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
