/** Commands from the mothership and the console: parsing, the pot's own watering limits, replies, and the settings they save. */
package dev.smartpot.device.command;
