/** The portable pot: {@link dev.smartpot.device.PotAssembly} wires the parts below to a board, {@link dev.smartpot.device.PotNode} ticks them and its one runner runs the ticks until stopped or for one wake. Java 7, MicroEJ EDC only. */
package dev.smartpot.device;
