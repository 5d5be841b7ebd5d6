/** Deep sleep: one wake's work ({@code WakeCycle}), when to wake next, and the energy model behind the battery figures. */
package dev.smartpot.device.power;
