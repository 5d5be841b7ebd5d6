/** The pot's retained online/offline status and what {@code status} reports. */
package dev.smartpot.device.status;
