/** Allocation-free text: the reusable log line and payload buffer, JSON text, durations and decimals. */
package dev.smartpot.device.text;
