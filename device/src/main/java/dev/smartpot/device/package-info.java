/** The portable pot: {@link dev.smartpot.device.PotNode} wires the parts below to a board and runs them with {@code tick(now)}. Java 7, MicroEJ EDC only. */
package dev.smartpot.device;
