/** From ADC counts to a queued reading: sensor sampling and faults, calibration, the battery gauge, the queue, the schedule and the publisher. */
package dev.smartpot.device.reading;
