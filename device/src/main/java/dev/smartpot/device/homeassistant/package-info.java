/** Home Assistant MQTT discovery: the retained configs that make a pot's entities appear, and their removal. */
package dev.smartpot.device.homeassistant;
