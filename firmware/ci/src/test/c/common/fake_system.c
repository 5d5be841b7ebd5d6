/*
 * Fakes of ESP-IDF's restart, reset reason and deep sleep for the host tests (idf4 and idf5 alike). The real
 * esp_restart and esp_deep_sleep_start never return: these jump back to the test driver (fake_never_returns).
 */
#include <setjmp.h>
#include <stdint.h>
#include "esp_err.h"
#include "esp_system.h"
#include "esp_sleep.h"
#include "esp_timer.h"

jmp_buf fake_never_returns;
int fake_restarts = 0;
int fake_deep_sleeps = 0;
/* The timer armed last, in microseconds; the esp_err_t the next arming returns. */
uint64_t fake_timer_wakeup_us = 0;
esp_err_t fake_timer_wakeup_result = ESP_OK;
esp_reset_reason_t fake_reset_reason = ESP_RST_POWERON;

void esp_restart(void) {
    fake_restarts++;
    longjmp(fake_never_returns, 1);
}

esp_reset_reason_t esp_reset_reason(void) {
    return fake_reset_reason;
}

esp_err_t esp_sleep_enable_timer_wakeup(uint64_t time_in_us) {
    if (fake_timer_wakeup_result != ESP_OK) {
        return fake_timer_wakeup_result;
    }
    fake_timer_wakeup_us = time_in_us;
    return ESP_OK;
}

void esp_deep_sleep_start(void) {
    fake_deep_sleeps++;
    longjmp(fake_never_returns, 2);
}

/* ESP-IDF's microsecond clock since its start, as the test sets it. */
int64_t fake_time_us = 0;

int64_t esp_timer_get_time(void) {
    return fake_time_us;
}
