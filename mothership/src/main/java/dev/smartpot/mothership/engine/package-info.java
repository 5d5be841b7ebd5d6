/**
 * The mothership's engine: {@link dev.smartpot.mothership.engine.MothershipEngine} implements
 * {@link dev.smartpot.mothership.api.Mothership} from {@link dev.smartpot.mothership.engine.EngineOptions}.
 *
 * <h2>How a reading travels</h2>
 * <ol>
 *   <li>{@code broker.BrokerLink} (its own client for MQTT 3.1.1, the HiveMQ client for MQTT 5; persistent session, QoS 1, manual acknowledgement, back-pressure) receives it
 *       and {@code ingest.PayloadParser} makes it a reading, status, reply or message (junk included, never an
 *       exception).</li>
 *   <li>{@code store.StoreWriter}, the one writing thread, drains its bounded queue in batches: one transaction
 *       per batch ({@code store.ReadingWriter}: {@code INSERT ... ON CONFLICT DO NOTHING} on (pot, boot, seq),
 *       {@code store.BootTracker} gives the boot; the 5-minute and hourly rollups are upserted per pot and
 *       bucket). Only after the commit are the messages acknowledged to the broker: a crash loses nothing, the
 *       broker redelivers and the primary key ignores what was stored already. A failing write (disk full, file
 *       not writable, database locked) is reported in words in {@code Health.storeError}; nothing is
 *       acknowledged, the batch is retried until it succeeds.</li>
 *   <li>{@code Committer} moves the in-memory pots ({@code plant.LivePot} in {@code PotBook}): state, reason,
 *       cadence. {@code alert.AlertBook} raises and closes alerts, {@code AlertPublisher} publishes them, the
 *       {@code EventBus} queues events for listeners (one thread and bounded queue each: a slow listener never
 *       slows ingest).</li>
 *   <li>Every second the evaluator re-decides every pot's state (STALE needs only time) and runs
 *       {@code watering.WateringDesk} (the effect check and the automatic rule, through
 *       {@code watering.WateringInterlocks}'s interlocks). Commands go out and their replies are matched by
 *       {@code command.CommandDesk}.</li>
 * </ol>
 *
 * <h2>Alerts on MQTT</h2>
 * Topic {@code mothership/alerts} (QoS 1, not retained), one JSON object per change:
 * <pre>{"event":"raised","id":12,"pot":"a4cf12b0c0de","kind":"DRY",
 *  "message":"pot a4cf12b0c0de needs water: moisture 18.2% below 25.0%",
 *  "raised_at":"2026-05-01T10:00:00Z","closed_at":null,"acknowledged_at":null,"acknowledged_by":null}</pre>
 * {@code event}: raised, closed, acknowledged. {@code kind}: DRY, WET, STALE, OFFLINE, FAULT, NO_EFFECT,
 * WATERING_LOCKED_OUT (acknowledging it lifts the lock-out).
 *
 * <h2>The broker's side</h2>
 * Because acknowledgements wait for the commit, the broker's window of unacknowledged messages bounds ingest:
 * Mosquitto's {@code max_inflight_messages} (default 20, MQTT 3.1.1) should be raised (e.g. 1000) on a busy
 * Pi; MQTT 5 clients announce a receive maximum of 65,535. {@code max_queued_messages} (default 1000) bounds
 * what the broker keeps for the mothership while it is away: raise it to cover the longest outage.
 */
package dev.smartpot.mothership.engine;
