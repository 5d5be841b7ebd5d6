/*
 * Smart pot SNI natives for the pump: a GPIO that switches the pump's driver (a MOSFET or a relay module), and a
 * one-shot esp_timer that switches it off again. The stop is ESP-IDF's, not Java's: once run() returned, the pin goes
 * off when the timer fires whatever the Java VM does meanwhile (a stalled loop, a blocking native, a hung VM); the
 * timer's callback runs on ESP-IDF's esp_timer task, not on the MicroEJ task.
 *
 * Java side: dev.smartpot.firmware.esp32.PumpNatives (firmware/microej). Simulator side: the mock in
 * firmware/microej/mock. Add this file to the VEE Port BSP build (its main/CMakeLists.txt "srcs" list) beside the
 * other two; the main component requires every component of the build (driver and esp_timer too), so no REQUIRES.
 *
 * Boot: off() is the firmware's first call, before the configuration is even read further: it drives the pin to its
 * inactive level and stops any timer. A restart (esp_restart) resets the GPIO matrix and the esp_timer, so a watering
 * under way when the chip restarted ends at that reset; between the reset and off() the pin floats, which is why the
 * driver's input needs a resistor to its off level (docs/esp32.md, "A pump on the board").
 *
 * Returns 0, -2 for ESP_FAIL, or minus another esp_err_t: -ESP_ERR_INVALID_STATE (-0x103) for run() while the pump runs or before off()
 * configured the pin, -ESP_ERR_INVALID_ARG (-0x102) for a pin that cannot drive an output or a run time out of range.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sni.h"
#include "esp_err.h"
#include "esp_timer.h"
#include "driver/gpio.h"

/* The longest one run may last, whatever Java asks: pump.max.run's own upper bound (10 minutes). */
#define SMARTPOT_PUMP_MAX_RUN_US (600LL * 1000 * 1000)

static esp_timer_handle_t smartpot_pump_timer = NULL;
/* The pin and its off level, set by off(); -1 before. Read by the timer task. */
static volatile int smartpot_pump_gpio = -1;
static volatile uint32_t smartpot_pump_off_level = 0;
/* 1 from run() until the timer (or off()) switched the pin off. */
static volatile int smartpot_pump_running = 0;

/* ESP_FAIL, as Esp32Natives.FAIL: never -1, never positive. */
#define SMARTPOT_PUMP_FAIL (-2)

static jint smartpot_pump_error(esp_err_t err) {
	return err > 1 ? -(jint) err : SMARTPOT_PUMP_FAIL;
}

/* The one-shot timer's callback, on the esp_timer task: the pump's stop, whatever the VM does. */
static void smartpot_pump_stop(void *arg) {
	(void) arg;
	int gpio = smartpot_pump_gpio;
	if (gpio >= 0) {
		gpio_set_level((gpio_num_t) gpio, smartpot_pump_off_level);
	}
	smartpot_pump_running = 0;
}

/*
 * Drives gpio to its off level (activeLevel 1: the pump runs while the pin is high; 0: while it is low) and makes it
 * an output without pulls; stops a timer that was armed. Called first at every boot, and again to stop the pump.
 */
jint Java_dev_smartpot_firmware_esp32_PumpNatives_off(jint gpio, jint activeLevel) {
	if (gpio < 0 || gpio >= GPIO_NUM_MAX || !GPIO_IS_VALID_OUTPUT_GPIO(gpio)) {
		return smartpot_pump_error(ESP_ERR_INVALID_ARG);
	}
	if (smartpot_pump_timer != NULL) {
		/* ESP_ERR_INVALID_STATE when it was not armed: nothing to stop. */
		esp_timer_stop(smartpot_pump_timer);
	}
	uint32_t off = activeLevel ? 0 : 1;
	smartpot_pump_off_level = off;
	smartpot_pump_gpio = (int) gpio;
	/* The output latch first, so the pin never drives the on level when it becomes an output. */
	gpio_set_level((gpio_num_t) gpio, off);
	gpio_config_t config = {
		.pin_bit_mask = 1ULL << gpio,
		.mode = GPIO_MODE_OUTPUT,
		.pull_up_en = GPIO_PULLUP_DISABLE,
		.pull_down_en = GPIO_PULLDOWN_DISABLE,
		.intr_type = GPIO_INTR_DISABLE,
	};
	esp_err_t err = gpio_config(&config);
	if (err == ESP_OK) {
		err = gpio_set_level((gpio_num_t) gpio, off);
	}
	smartpot_pump_running = 0;
	return err == ESP_OK ? 0 : smartpot_pump_error(err);
}

/*
 * Runs the pump on the pin off() configured for micros microseconds: arms the one-shot timer first, then drives the
 * pin to its on level, so the pump never runs without its stop armed.
 */
jint Java_dev_smartpot_firmware_esp32_PumpNatives_run(jlong micros) {
	if (smartpot_pump_gpio < 0 || smartpot_pump_running) {
		return smartpot_pump_error(ESP_ERR_INVALID_STATE);
	}
	if (micros <= 0 || micros > SMARTPOT_PUMP_MAX_RUN_US) {
		return smartpot_pump_error(ESP_ERR_INVALID_ARG);
	}
	if (smartpot_pump_timer == NULL) {
		esp_timer_create_args_t args = {
			.callback = smartpot_pump_stop,
			.arg = NULL,
			.dispatch_method = ESP_TIMER_TASK,
			.name = "smartpot_pump",
			.skip_unhandled_events = false,
		};
		esp_err_t err = esp_timer_create(&args, &smartpot_pump_timer);
		if (err != ESP_OK) {
			smartpot_pump_timer = NULL;
			return smartpot_pump_error(err);
		}
	}
	smartpot_pump_running = 1;
	esp_err_t err = esp_timer_start_once(smartpot_pump_timer, (uint64_t) micros);
	if (err != ESP_OK) {
		smartpot_pump_running = 0;
		return smartpot_pump_error(err);
	}
	err = gpio_set_level((gpio_num_t) smartpot_pump_gpio, smartpot_pump_off_level ? 0 : 1);
	if (err != ESP_OK) {
		esp_timer_stop(smartpot_pump_timer);
		smartpot_pump_stop(NULL);
		return smartpot_pump_error(err);
	}
	return 0;
}

/* 1 while the pump runs (from run() until its timer or off() stopped it), else 0. */
jint Java_dev_smartpot_firmware_esp32_PumpNatives_running(void) {
	return smartpot_pump_running ? 1 : 0;
}
