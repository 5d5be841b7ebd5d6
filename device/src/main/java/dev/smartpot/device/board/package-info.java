/** The seams a board provides (WiFi, ADC, chip id, clock, sleep, log, reboot, flash, pump, retained memory, deep sleep); the core asks, the board answers. */
package dev.smartpot.device.board;
