package dev.smartpot.simulator.board;

import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.ForwardingMqttTransport;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.text.Durations;

/**
 * One boot's Java VM with a run-time limit ({@code --vm-limit}, {@code sim.vm.limit}), as MicroEJ's evaluation VM, which
 * the public ESP32 VEE Ports build, stops dead after 60 minutes: from the limit on, the pot's clock, sleeper and MQTT
 * link throw {@link Stopped} into its thread, so it does nothing more, says no goodbye, and its runtime lets it lie.
 * A sleep that would run past the limit ends at it. A restart (or a deep-sleep wake) is a new VM with a new age.
 */
public final class EvaluationVm {

    /** Thrown into the pot's thread once the VM has reached its limit: nothing of the core runs after it. */
    public static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        Stopped(String message) {
            super(message, null, false, false);
        }
    }

    private final long limitMillis;
    private final BoardTime time;
    private final long bootMillis;
    private volatile boolean dead;

    /** @param limitMillis the run time after which the VM stops; 0 for a VM without a limit */
    public EvaluationVm(long limitMillis) {
        this(limitMillis, BoardTime.HOST);
    }

    /** @param time the board's time, by which the VM ages */
    public EvaluationVm(long limitMillis, BoardTime time) {
        this.limitMillis = limitMillis;
        this.time = time;
        this.bootMillis = time.monotonicMillis();
    }

    private long ageMillis() {
        return time.monotonicMillis() - bootMillis;
    }

    /** Throws {@link Stopped} once the limit is reached. */
    public void check() {
        if (!dead && limitMillis > 0 && ageMillis() >= limitMillis) {
            dead = true;
        }
        if (dead) {
            throw new Stopped("the VM reached its run-time limit of " + Durations.format(limitMillis));
        }
    }

    /** How long the VM may still run; {@code Long.MAX_VALUE} without a limit. */
    private long leftMillis() {
        return limitMillis > 0 ? Math.max(0, limitMillis - ageMillis()) : Long.MAX_VALUE;
    }

    /** What the simulator says when a pot's VM stopped at {@code limitMillis}: why, and the fix. */
    public static String deathNotice(long limitMillis) {
        return "the VM stopped dead after " + Durations.format(limitMillis) + " of run time (--vm-limit, sim.vm.limit), as"
                + " MicroEJ's evaluation VM does after 60 minutes on a board: the pot does nothing more until it is reset."
                + " Fix: set vm.restart.every below the limit (--vm-restart-every) so the pot restarts itself in time; on a"
                + " board, a VEE Port built with a production architecture has no limit";
    }

    public boolean isDead() {
        return dead;
    }

    public Clock guard(Clock clock) {
        return new Clock() {
            @Override
            public long uptimeMillis() {
                check();
                return clock.uptimeMillis();
            }

            @Override
            public long wallClockMillis() {
                check();
                return clock.wallClockMillis();
            }
        };
    }

    public Sleeper guard(Sleeper sleeper) {
        return new Sleeper() {
            @Override
            public void sleep(long millis) {
                check();
                sleeper.sleep(Math.min(millis, leftMillis()));
                check();
            }

            @Override
            public void wake() {
                sleeper.wake();
            }
        };
    }

    public MqttTransport guard(MqttTransport transport) {
        return new ForwardingMqttTransport(transport) {
            @Override
            public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
                check();
                return super.connect(serverUri, clientId, settings);
            }

            @Override
            public void subscribe(String topicFilter, int qos) throws MqttTransportException {
                check();
                super.subscribe(topicFilter, qos);
            }

            @Override
            public void unsubscribe(String topicFilter) throws MqttTransportException {
                check();
                super.unsubscribe(topicFilter);
            }

            @Override
            public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
                check();
                super.publish(topic, payload, length, qos, retained);
            }

            @Override
            public void disconnect() {
                check();
                super.disconnect();
            }

            @Override
            public boolean isConnected() {
                check();
                return super.isConnected();
            }
        };
    }
}
