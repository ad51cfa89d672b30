package org.ddict.operator;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A maintenance schedule: a Quartz cron (6 fields + year), a duration {@code HH:mm:ss} and a UTC offset. */
public record MaintenanceWindow(String schedule, String duration, String timezone) {

    /** R-MW-NOW: a one-shot window that opened two minutes ago and lasts 30 minutes. */
    public static MaintenanceWindow openNow() {
        return oneShot(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(2), Duration.ofMinutes(30));
    }

    /** R-MW-FUTURE: a one-shot window that opens in an hour and lasts 10 minutes. */
    public static MaintenanceWindow later() {
        return oneShot(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(60), Duration.ofMinutes(10));
    }

    /** A one-shot window (the cron names the year) starting at {@code t} and lasting {@code length}. */
    public static MaintenanceWindow oneShot(ZonedDateTime t, Duration length) {
        String cron = t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " "
                + t.getMonthValue() + " ? " + t.getYear();
        long s = length.toSeconds();
        return new MaintenanceWindow(cron, String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60), "+00:00");
    }
}
