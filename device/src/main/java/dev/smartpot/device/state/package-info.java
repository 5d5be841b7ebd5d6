/** What survives a reset: the queue, seq and boot counter in retained memory, the sequence mark in flash, and the keep-state-then-reboot step. */
package dev.smartpot.device.state;
