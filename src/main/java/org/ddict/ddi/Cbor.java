package org.ddict.ddi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small CBOR (RFC 8949) codec for the JSON data model the DDI documents use: maps, arrays, text, integers, booleans,
 * null and doubles. Encodes definite lengths; decodes definite and indefinite lengths (hawkBit sends the latter).
 */
public final class Cbor {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Cbor() {
    }

    public static byte[] encode(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, node);
        return out.toByteArray();
    }

    /** Decodes one data item; throws {@link IllegalArgumentException} for input that is not well-formed CBOR. */
    public static JsonNode decode(byte[] bytes) {
        Reader r = new Reader(bytes);
        JsonNode node = r.item();
        if (node == null || r.pos != bytes.length) {
            throw new IllegalArgumentException("not a single CBOR data item");
        }
        return node;
    }

    private static void write(ByteArrayOutputStream out, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.write(0xf6);
        } else if (node.isBoolean()) {
            out.write(node.asBoolean() ? 0xf5 : 0xf4);
        } else if (node.isIntegralNumber()) {
            long v = node.asLong();
            if (v >= 0) {
                head(out, 0, v);
            } else {
                head(out, 1, -1 - v);
            }
        } else if (node.isNumber()) {
            out.write(0xfb);
            long bits = Double.doubleToLongBits(node.asDouble());
            for (int i = 7; i >= 0; i--) {
                out.write((int) (bits >>> (8 * i)) & 0xff);
            }
        } else if (node.isString()) {
            byte[] b = node.asString().getBytes(StandardCharsets.UTF_8);
            head(out, 3, b.length);
            out.writeBytes(b);
        } else if (node.isArray()) {
            head(out, 4, node.size());
            node.forEach(e -> write(out, e));
        } else if (node.isObject()) {
            head(out, 5, node.size());
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
                head(out, 3, k.length);
                out.writeBytes(k);
                write(out, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("no CBOR form for " + node.getNodeType());
        }
    }

    private static void head(ByteArrayOutputStream out, int major, long value) {
        int m = major << 5;
        if (value < 24) {
            out.write(m | (int) value);
        } else if (value < 0x100) {
            out.write(m | 24);
            out.write((int) value);
        } else if (value < 0x10000) {
            out.write(m | 25);
            out.write((int) (value >>> 8));
            out.write((int) value & 0xff);
        } else if (value < 0x100000000L) {
            out.write(m | 26);
            for (int i = 3; i >= 0; i--) {
                out.write((int) (value >>> (8 * i)) & 0xff);
            }
        } else {
            out.write(m | 27);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (value >>> (8 * i)) & 0xff);
            }
        }
    }

    private static final class Reader {
        private final byte[] b;
        int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        private int next() {
            if (pos >= b.length) {
                throw new IllegalArgumentException("CBOR data ends early");
            }
            return b[pos++] & 0xff;
        }

        private long argument(int info) {
            if (info < 24) {
                return info;
            }
            int n = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                case 27 -> 8;
                default -> throw new IllegalArgumentException("unsupported CBOR additional info " + info);
            };
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | next();
            }
            return v;
        }

        /** The next item, or null for the "break" byte that ends an indefinite-length container. */
        JsonNode item() {
            int initial = next();
            int major = initial >>> 5;
            int info = initial & 0x1f;
            if (initial == 0xff) {
                return null;
            }
            switch (major) {
                case 0:
                    return NODES.numberNode(argument(info));
                case 1:
                    return NODES.numberNode(-1 - argument(info));
                case 2:
                case 3: {
                    byte[] data = info == 31 ? chunks(major) : bytes(argument(info));
                    return major == 3 ? NODES.stringNode(new String(data, StandardCharsets.UTF_8)) : NODES.binaryNode(data);
                }
                case 4: {
                    ArrayNode a = NODES.arrayNode();
                    if (info == 31) {
                        for (JsonNode e; (e = item()) != null; ) {
                            a.add(e);
                        }
                    } else {
                        for (long i = argument(info); i > 0; i--) {
                            a.add(required());
                        }
                    }
                    return a;
                }
                case 5: {
                    ObjectNode o = NODES.objectNode();
                    if (info == 31) {
                        for (JsonNode k; (k = item()) != null; ) {
                            o.set(k.asString(), required());
                        }
                    } else {
                        for (long i = argument(info); i > 0; i--) {
                            o.set(required().asString(), required());
                        }
                    }
                    return o;
                }
                case 6:
                    argument(info);
                    return required();
                default:
                    return simple(info);
            }
        }

        private JsonNode required() {
            JsonNode n = item();
            if (n == null) {
                throw new IllegalArgumentException("unexpected CBOR break");
            }
            return n;
        }

        private JsonNode simple(int info) {
            return switch (info) {
                case 20 -> NODES.booleanNode(false);
                case 21 -> NODES.booleanNode(true);
                case 22, 23 -> NODES.nullNode();
                case 25 -> NODES.numberNode(halfToDouble((int) argument(25)));
                case 26 -> NODES.numberNode((double) Float.intBitsToFloat((int) argument(26)));
                case 27 -> NODES.numberNode(Double.longBitsToDouble(argument(27)));
                default -> throw new IllegalArgumentException("unsupported CBOR simple value " + info);
            };
        }

        private byte[] bytes(long length) {
            if (length > b.length - pos) {
                throw new IllegalArgumentException("CBOR string longer than the data");
            }
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + (int) length);
            pos += (int) length;
            return out;
        }

        private byte[] chunks(int major) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                int initial = next();
                if (initial == 0xff) {
                    return out.toByteArray();
                }
                if (initial >>> 5 != major) {
                    throw new IllegalArgumentException("mixed chunks in an indefinite CBOR string");
                }
                out.writeBytes(bytes(argument(initial & 0x1f)));
            }
        }

        private static double halfToDouble(int h) {
            int exp = (h >> 10) & 0x1f;
            int mant = h & 0x3ff;
            double v = exp == 0 ? mant * Math.pow(2, -24) : exp != 31 ? (mant + 1024) * Math.pow(2, exp - 25)
                    : mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
            return (h & 0x8000) != 0 ? -v : v;
        }
    }
}
