package dev.smartpot.device.status;

import dev.smartpot.device.board.WifiLink;
import dev.smartpot.device.command.CommandChannel;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.reading.ReadingPublisher;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.reading.ReadingSchedule;

/** How the pot is doing, for a person: the state's name and the one-line summary come from here only. */
public final class PotStatus {

    private final LinkSupervisor link;
    private final ReadingSchedule schedule;
    private final ReadingPublisher publisher;
    private final ReadingQueue queue;
    private final WifiLink wifi;
    private final CommandChannel commands;

    public PotStatus(LinkSupervisor link, ReadingSchedule schedule, ReadingPublisher publisher, ReadingQueue queue,
            WifiLink wifi, CommandChannel commands) {
        this.link = link;
        this.schedule = schedule;
        this.publisher = publisher;
        this.queue = queue;
        this.wifi = wifi;
        this.commands = commands;
    }

    /** "online", "offline", "refused" or "stopped". */
    public String stateName() {
        return stateName(link.state());
    }

    /** The name of a {@link LinkSupervisor} state. */
    public static String stateName(int state) {
        switch (state) {
            case LinkSupervisor.ONLINE:
                return "online";
            case LinkSupervisor.STOPPED:
                return "stopped";
            case LinkSupervisor.REFUSED:
                return "refused";
            default:
                return "offline";
        }
    }

    /** One line: state, broker, queue, drops, reconnects. */
    public String statusLine() {
        StringBuilder sb = new StringBuilder();
        sb.append("state=").append(stateName());
        sb.append(" broker=").append(link.broker());
        sb.append(" wifi=").append(wifi.isConnected() ? "up" : "down");
        sb.append(" readings=").append(schedule.readingsTaken());
        sb.append(" published=").append(publisher.published());
        sb.append(" queued=").append(queue.size()).append('/').append(queue.capacity());
        sb.append(" dropped=").append(queue.dropped());
        sb.append(" reconnects=").append(link.reconnects());
        sb.append(" late_max=").append(schedule.largestDelayMillis()).append("ms");
        if (link.lastFailure() != null) {
            sb.append(" last_error=\"").append(link.lastFailure()).append('"');
        }
        if (commands.refusal() != null) {
            sb.append(" commands=refused");
        }
        return sb.toString();
    }
}
