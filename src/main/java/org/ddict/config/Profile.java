package org.ddict.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.ddict.catalogue.Area;
import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of the catalogue a server claims to implement. A Core requirement is claimed when its area is, an
 * {@code Opt:} requirement when its feature is; requirements outside the claim are SKIP, and the claimed optional
 * features are treated as offered (their checks run and fail when the server lacks them). The default profile
 * {@code declared} claims everything and offers what the operator declares (with {@code --capabilities}).
 * A profile is a built-in name, modules joined by {@code +} ({@code core+download+config}), or a JSON / properties file.
 */
public record Profile(String name, Set<Area> areas, Set<Feature> features, String source) {

    public static final String DECLARED = "declared";

    /** Areas every DDI server implements (the {@code core} module, together with no optional feature). */
    static final Set<Area> CORE_AREAS = EnumSet.of(Area.BASE, Area.SCHEMA, Area.DEPLOY, Area.STATE, Area.CANCEL,
            Area.CTRLID, Area.AUTH, Area.ERROR, Area.CLIENT, Area.SECURITY);

    /** A building block of a profile. */
    public record Module(String name, Set<Area> areas, Set<Feature> features) {
    }

    public Profile {
        areas = java.util.Collections.unmodifiableSet(areas.isEmpty() ? EnumSet.noneOf(Area.class) : EnumSet.copyOf(areas));
        features = java.util.Collections.unmodifiableSet(features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features));
    }

    public static Profile declared() {
        return new Profile(DECLARED, EnumSet.allOf(Area.class), EnumSet.noneOf(Feature.class), "built-in");
    }

    public boolean isDeclared() {
        return DECLARED.equals(name) && "built-in".equals(source);
    }

    /** Whether the profile claims {@code req}. */
    public boolean claims(Req req) {
        if (isDeclared()) {
            return true;
        }
        return req.feature().map(features::contains).orElseGet(() -> areas.contains(req.area()));
    }

    /** The SKIP reason of a requirement outside the profile. */
    public String notClaimed() {
        return "not claimed by profile " + name;
    }

    /**
     * The optional features the run treats as offered: under {@code declared} the operator's answer changed by
     * {@code --capabilities}; under any other profile exactly the claimed features (a claim is not overridden).
     */
    public Set<Feature> offered(Set<Feature> operatorDeclared, String capabilities) {
        if (isDeclared()) {
            return Capabilities.apply(operatorDeclared, capabilities);
        }
        if (capabilities != null && !capabilities.isBlank()) {
            throw new ConfigException("--capabilities applies to the profile 'declared' only; profile " + name
                    + " claims its features itself (edit the profile instead)");
        }
        return features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
    }

    /** One line: what the profile claims. */
    public String describe() {
        if (isDeclared()) {
            return "declared (every requirement; optional features as the operator declares them)";
        }
        long claimed = Arrays.stream(Req.values()).filter(this::claims).count();
        return name + " (" + claimed + " of " + Req.values().length + " requirements; areas "
                + (areas.isEmpty() ? "none" : areas.stream().map(Enum::name).collect(Collectors.joining(",")))
                + "; features " + (features.isEmpty() ? "none" : features.stream().map(Enum::name).collect(Collectors.joining(",")))
                + ")";
    }

    /** The modules, by name: {@code core}, {@code full}, every area and every feature (lower case). */
    public static Map<String, Module> modules() {
        Map<String, Module> m = new LinkedHashMap<>();
        m.put("core", new Module("core", CORE_AREAS, EnumSet.noneOf(Feature.class)));
        m.put("full", new Module("full", EnumSet.allOf(Area.class), EnumSet.allOf(Feature.class)));
        for (Area a : Area.values()) {
            m.put(a.name().toLowerCase(Locale.ROOT), new Module(a.name().toLowerCase(Locale.ROOT), EnumSet.of(a), EnumSet.noneOf(Feature.class)));
        }
        for (Feature f : Feature.values()) {
            String key = f.name().toLowerCase(Locale.ROOT);
            Module area = m.get(key);
            // confirm, history, installed name an area and a feature: the module claims both
            m.put(key, new Module(key, area == null ? EnumSet.noneOf(Area.class) : area.areas(), EnumSet.of(f)));
        }
        return m;
    }

    /** The built-in profiles shown by {@code list profiles}. */
    public static List<Profile> builtIns() {
        return List.of(declared(), resolve("core"), resolve("core+download+config"), resolve("full"));
    }

    /** A profile from {@code --profile}: blank or {@code declared}, a {@code +} composition of modules, or a file. */
    public static Profile resolve(String value) {
        if (value == null || value.isBlank() || value.trim().equals(DECLARED)) {
            return declared();
        }
        String v = value.trim();
        List<String> names = List.of(v.split("\\+"));
        boolean modulesOnly = names.stream().allMatch(n -> modules().containsKey(n.trim().toLowerCase(Locale.ROOT)));
        Path file = Path.of(v.startsWith("@") ? v.substring(1) : v);
        // module names win over a file of the same name in the working directory (a core dump called "core")
        if (!modulesOnly && (v.startsWith("@") || v.endsWith(".json") || v.endsWith(".properties") || Files.isRegularFile(file))) {
            return read(file);
        }
        return compose(v, names, List.of(), List.of(), "built-in");
    }

    private static Profile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("--profile: cannot read " + file + " (" + e.getMessage() + ")");
        }
        String fallbackName = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        if (text.stripLeading().startsWith("{")) {
            JsonNode root;
            try {
                root = JsonMapper.builder().build().readTree(text);
            } catch (JacksonException e) {
                throw new ConfigException("--profile: " + file + " is not valid JSON (" + e.getOriginalMessage() + ")");
            }
            for (String key : root.propertyNames()) {
                if (!Set.of("name", "modules", "areas", "features", "description").contains(key)) {
                    throw new ConfigException("--profile: " + file + ": unknown key '" + key + "' (name, modules, areas, features)");
                }
            }
            return compose(root.path("name").asString(fallbackName), list(root.path("modules")), list(root.path("areas")),
                    list(root.path("features")), file.toString());
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("--profile: " + file + " is not a properties file (" + e.getMessage() + ")");
        }
        for (String key : p.stringPropertyNames()) {
            if (!Set.of("name", "modules", "areas", "features", "description").contains(key)) {
                throw new ConfigException("--profile: " + file + ": unknown key '" + key + "' (name, modules, areas, features)");
            }
        }
        return compose(p.getProperty("name", fallbackName), split(p.getProperty("modules")), split(p.getProperty("areas")),
                split(p.getProperty("features")), file.toString());
    }

    private static List<String> list(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isString()) {
            return split(node.asString());
        }
        List<String> items = new ArrayList<>();
        node.forEach(n -> items.add(n.asString()));
        return items;
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[,+\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    private static Profile compose(String name, List<String> moduleNames, List<String> areaNames, List<String> featureNames,
            String source) {
        Set<Area> areas = EnumSet.noneOf(Area.class);
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        Map<String, Module> modules = modules();
        for (String raw : moduleNames) {
            Module m = modules.get(raw.trim().toLowerCase(Locale.ROOT));
            if (m == null) {
                throw new ConfigException("--profile: unknown profile or module '" + raw.trim() + "' (see 'list profiles'; "
                        + "a file must exist or end in .json/.properties)");
            }
            areas.addAll(m.areas());
            features.addAll(m.features());
        }
        for (String a : areaNames) {
            areas.add(Arrays.stream(Area.values()).filter(x -> x.name().equalsIgnoreCase(a.trim())).findFirst().orElseThrow(
                    () -> new ConfigException("--profile: unknown area '" + a.trim() + "' (known: " + joined(Area.values()) + ")")));
        }
        for (String f : featureNames) {
            String n = f.trim().replaceFirst("(?i)^opt:", "");
            features.add(Arrays.stream(Feature.values()).filter(x -> x.name().equalsIgnoreCase(n)).findFirst().orElseThrow(
                    () -> new ConfigException("--profile: unknown feature '" + f.trim() + "' (known: " + joined(Feature.values()) + ")")));
        }
        if (areas.isEmpty() && features.isEmpty()) {
            throw new ConfigException("--profile: profile '" + name + "' claims nothing (give modules, areas or features)");
        }
        if (name.isBlank() || name.equals(DECLARED)) {
            throw new ConfigException("--profile: a profile file needs a name other than '" + DECLARED + "'");
        }
        return new Profile(name, areas, features, source);
    }

    private static String joined(Object[] values) {
        return Arrays.stream(values).map(Object::toString).collect(Collectors.joining(", "));
    }
}
