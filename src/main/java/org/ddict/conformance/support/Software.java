package org.ddict.conformance.support;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.ddict.operator.SoftwareSpec;
import org.ddict.operator.SoftwareSpec.ArtifactSpec;
import org.ddict.operator.SoftwareSpec.ModuleSpec;

/** Software fixtures: every set is new, named after its controller, with random artifact bytes. */
public final class Software {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int ARTIFACT_SIZE = 5 * 1024;

    private Software() {
    }

    /** The catalogue's area default: one {@code os} module with one artifact, set type {@code os}. */
    public static SoftwareSpec standard(Device device) {
        String name = name(device);
        return new SoftwareSpec(name, "os", List.of(module("os", name)));
    }

    /** An {@code os} and an {@code application} module, one artifact each, set type {@code os_app}. */
    public static SoftwareSpec osAndApp(Device device) {
        String name = name(device);
        return new SoftwareSpec(name, "os_app", List.of(module("os", name), module("application", name)));
    }

    private static String name(Device device) {
        return device.controllerId() + "-" + SEQUENCE.incrementAndGet();
    }

    private static ModuleSpec module(String type, String setName) {
        byte[] bytes = new byte[ARTIFACT_SIZE];
        ThreadLocalRandom.current().nextBytes(bytes);
        String name = setName + "-" + type;
        return new ModuleSpec(type, name, "1.0." + SEQUENCE.incrementAndGet(), List.of(new ArtifactSpec(name + ".bin", bytes)));
    }
}
