package org.ddict.reference;

import static org.ddict.reference.Http.halt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.ddict.reference.Http.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An action's maintenance schedule as hawkBit takes it in an assignment: a Quartz cron (6 fields + optional year;
 * numbers, names, {@code * ? , - /}), a duration {@code HH:mm:ss} and a UTC offset. Windows are evaluated to the second.
 */
final class MaintenanceSchedule {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** hawkBit searches windows at most this far ahead. */
    private static final long HORIZON_SECONDS = 3L * 24 * 3600;

    final String schedule;
    final String durationText;
    final String timezone;
    private final Duration duration;
    private final ZoneOffset zone;
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet monthsOfYear;
    private final BitSet daysOfWeek;
    private final BitSet years;

    private MaintenanceSchedule(String schedule, String duration, String timezone) {
        this.schedule = schedule;
        this.durationText = duration;
        this.timezone = timezone;
        String[] f = schedule.trim().split("\\s+");
        if (f.length != 6 && f.length != 7) {
            throw invalid("Cron expression contains " + f.length + " parts but we expect one of [6, 7]");
        }
        seconds = field(f[0], 0, 59, null, 0);
        minutes = field(f[1], 0, 59, null, 0);
        hours = field(f[2], 0, 23, null, 0);
        daysOfMonth = field(f[3], 1, 31, null, 0);
        monthsOfYear = field(f[4], 1, 12, MONTHS, 1);
        daysOfWeek = field(f[5], 1, 7, DAYS, 1);
        years = f.length == 7 ? field(f[6], 1970, 2199, null, 0) : null;
        this.duration = TenantConfig.parseDuration(duration);
        if (this.duration == null || !duration.matches("\\d{2}:\\d{2}:\\d{2}")) {
            throw invalid("Provided duration is not valid");
        }
        try {
            this.zone = ZoneOffset.of(timezone);
        } catch (RuntimeException e) {
            throw invalid("Provided timezone is not valid");
        }
    }

    /** The {@code maintenanceWindow} object of an assignment, or null when there is none; 400 when it is invalid. */
    static MaintenanceSchedule parse(JsonNode window) {
        if (window == null || window.isNull() || window.isMissingNode()) {
            return null;
        }
        String schedule = window.path("schedule").asString(null);
        String duration = window.path("duration").asString(null);
        String timezone = window.path("timezone").asString(null);
        if (schedule == null || duration == null || timezone == null) {
            throw invalid("The maintenance schedule, duration and timezone must all be given");
        }
        return new MaintenanceSchedule(schedule, duration, timezone);
    }

    /** Whether a window is open at {@code now}: some start lies in {@code (now - duration, now]}. */
    /** No window is open now and none starts within the search horizon: the schedule has lapsed. */
    boolean lapsed(long nowMillis) {
        return !available(nowMillis) && nextStart(nowMillis, HORIZON_SECONDS) == null;
    }

    boolean available(long nowMillis) {
        long now = nowMillis / 1000;
        for (long t = now; t > now - duration.getSeconds(); t--) {
            if (matches(t)) {
                return true;
            }
        }
        return false;
    }

    /** The next window start after {@code now} (epoch millis) within the search horizon, or null. */
    Long nextStart(long nowMillis, long horizonSeconds) {
        long now = nowMillis / 1000;
        for (long t = now + 1; t <= now + horizonSeconds; t++) {
            if (matches(t)) {
                return t * 1000;
            }
        }
        return null;
    }

    /**
     * hawkBit's sleep for an action waiting for its window: {@code (start - now) / pollCount}, at least 30 s and at most
     * the configured interval.
     */
    Duration sleep(Duration configured, int pollCount, long nowMillis) {
        if (available(nowMillis)) {
            return configured;
        }
        Long next = nextStart(nowMillis, configured.getSeconds() * Math.max(pollCount, 1));
        if (next == null) {
            return configured;
        }
        Duration shortened = Duration.ofMillis((next - nowMillis) / Math.max(pollCount, 1));
        if (shortened.compareTo(Duration.ofSeconds(30)) < 0) {
            shortened = Duration.ofSeconds(30);
        }
        return shortened.compareTo(configured) < 0 ? shortened : configured;
    }

    ObjectNode json(long nowMillis) {
        ObjectNode o = Json.obj().put("duration", durationText);
        Long next = nextStart(nowMillis, HORIZON_SECONDS);
        if (next != null) {
            o.put("nextStartAt", next);
        }
        return o.put("schedule", schedule).put("timezone", timezone);
    }

    private boolean matches(long epochSecond) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSecond).atZone(zone);
        if (!seconds.get(t.getSecond()) || !minutes.get(t.getMinute()) || !hours.get(t.getHour())
                || !monthsOfYear.get(t.getMonthValue()) || (years != null && !years.get(t.getYear()))) {
            return false;
        }
        int dow = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
        return daysOfMonth.get(t.getDayOfMonth()) && daysOfWeek.get(dow);
    }

    private static BitSet field(String text, int min, int max, List<String> names, int nameBase) {
        BitSet bits = new BitSet();
        for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
            if (part.equals("?") || part.equals("*")) {
                bits.set(min, max + 1);
                continue;
            }
            int step = 1;
            int slash = part.indexOf('/');
            String range = part;
            if (slash >= 0) {
                step = number(part.substring(slash + 1), null, 0);
                range = part.substring(0, slash);
                if (step <= 0) {
                    throw invalid("Illegal increment in cron expression: " + part);
                }
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-", 2);
                from = number(ab[0], names, nameBase);
                to = number(ab[1], names, nameBase);
            } else {
                from = number(range, names, nameBase);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw invalid("Cron value out of range: " + part);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String s, List<String> names, int nameBase) {
        if (names != null && names.contains(s)) {
            return names.indexOf(s) + nameBase;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw invalid("Illegal characters in cron expression: " + s);
        }
    }

    private static Http.Halt invalid(String message) {
        return halt(Response.error(400, "hawkbit.server.error.maintenanceScheduleInvalid",
                "org.eclipse.hawkbit.repository.exception.InvalidMaintenanceScheduleException", message));
    }
}
