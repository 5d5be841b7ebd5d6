/** The pot's configuration: the properties parser, every key with its default and range, and the checks that name a bad value and its fix. */
package dev.smartpot.device.config;
