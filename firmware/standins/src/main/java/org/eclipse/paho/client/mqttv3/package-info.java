/**
 * Compile-only stand-ins for MicroEJ's MicroPaho ({@code ej.library.iot:micropaho:1.0.0}), holding exactly the members
 * the firmware uses. MicroPaho's own sources and javadoc were not readable here; each member names beside it where its
 * signature was seen:
 * <ul>
 * <li>"Example-IOT": MicroEJ's Example-IOT 16.4.0 ({@code mqtt-publisher}, {@code mqtt-subscriber},
 * {@code ssl-mqtt-publisher}, {@code ssl-mqtt-subscriber}, all on micropaho 1.0.0);</li>
 * <li>"greenhouse": a third-party MicroEJ SDK 6 application on micropaho 1.0.0 (package
 * {@code com.nxp.example.smartgreenhouse}, {@code services/mqtt/MqttSubscribeService.java}; its build file
 * declares {@code ej.library.iot:micropaho:1.0.0});</li>
 * <li>"UNCONFIRMED": seen in no project built on MicroPaho; the signature is Eclipse Paho's as MicroEJ's earlier Paho
 * port has it (MicroEJ/paho, {@code org.eclipse.paho.client.mqttv3}, a fork of Paho 1.0.2). The firmware calls
 * these only in {@code MicroPahoUnconfirmedCalls}.</li>
 * </ul>
 * The first SDK build is the check: a mismatch is a compile error there (docs/esp32.md, "MicroPaho").
 */
package org.eclipse.paho.client.mqttv3;
