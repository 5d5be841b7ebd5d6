/*
 * Test stub of ESP-IDF 5's esp_sleep.h: the two calls smartpot_natives.c makes, as declared in espressif/esp-idf
 * v5.0.1 components/esp_hw_support/include/esp_sleep.h (line 133 and line 367; the header moved there from
 * esp_system in 5.0, the declarations did not change):
 *   esp_err_t esp_sleep_enable_timer_wakeup(uint64_t time_in_us);   ESP_OK, or ESP_ERR_INVALID_ARG "out of range (TBD)"
 *   void esp_deep_sleep_start(void) __attribute__((noreturn));
 * firmware/ci/check-natives-with-idf.sh compiles the same source against the real header.
 */
#ifndef ESP_SLEEP_H
#define ESP_SLEEP_H
#include <stdint.h>
#include "esp_err.h"

esp_err_t esp_sleep_enable_timer_wakeup(uint64_t time_in_us);
void esp_deep_sleep_start(void) __attribute__((noreturn));
#endif
