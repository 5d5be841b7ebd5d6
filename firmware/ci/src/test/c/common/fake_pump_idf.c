/*
 * Fakes of ESP-IDF's GPIO driver and esp_timer for the pump natives' host test. The timer runs on a manual clock:
 * fake_timer_task_advance(us) plays ESP-IDF's esp_timer task, firing a due one-shot callback; nothing on the Java side
 * is called meanwhile, which is what "the VM is gone" means for the pump. Every change of the pin's level is recorded,
 * with whether the pin was an output then.
 */
#include <stdint.h>
#include <stdlib.h>
#include "esp_err.h"
#include "esp_timer.h"
#include "driver/gpio.h"

struct esp_timer {
    esp_timer_cb_t callback;
    void *arg;
    int armed;
    int64_t due_us;
};

static struct esp_timer fake_timer;
int fake_timers_created = 0;
int fake_timer_fired = 0;
esp_err_t fake_timer_start_result = ESP_OK;
uint64_t fake_timer_armed_us = 0;
int64_t fake_now_us = 0;

/* The pin's state: level, whether it is an output, its pulls; the levels it was driven to, in order. */
int fake_pin = -1;
uint32_t fake_pin_level = 99;
int fake_pin_output = 0;
int fake_pin_pulls = 0;
uint32_t fake_level_history[64];
int fake_level_history_output[64];
int fake_level_changes = 0;

esp_err_t esp_timer_create(const esp_timer_create_args_t *args, esp_timer_handle_t *out) {
    if (args == NULL || args->callback == NULL || args->dispatch_method != ESP_TIMER_TASK || out == NULL) {
        return ESP_ERR_INVALID_ARG;
    }
    fake_timer.callback = args->callback;
    fake_timer.arg = args->arg;
    fake_timer.armed = 0;
    fake_timers_created++;
    *out = &fake_timer;
    return ESP_OK;
}

esp_err_t esp_timer_start_once(esp_timer_handle_t timer, uint64_t timeout_us) {
    if (timer != &fake_timer) return ESP_ERR_INVALID_ARG;
    if (timer->armed) return ESP_ERR_INVALID_STATE;
    if (fake_timer_start_result != ESP_OK) return fake_timer_start_result;
    timer->armed = 1;
    timer->due_us = fake_now_us + (int64_t) timeout_us;
    fake_timer_armed_us = timeout_us;
    return ESP_OK;
}

esp_err_t esp_timer_stop(esp_timer_handle_t timer) {
    if (timer != &fake_timer) return ESP_ERR_INVALID_ARG;
    if (!timer->armed) return ESP_ERR_INVALID_STATE;
    timer->armed = 0;
    return ESP_OK;
}

int64_t esp_timer_get_time(void) {
    return fake_now_us;
}

/* The esp_timer task: time moves on by us; a one-shot timer that falls due fires once, on this "task". */
void fake_timer_task_advance(int64_t us) {
    fake_now_us += us;
    if (fake_timer.armed && fake_timer.due_us <= fake_now_us) {
        fake_timer.armed = 0;
        fake_timer_fired++;
        fake_timer.callback(fake_timer.arg);
    }
}

esp_err_t gpio_config(const gpio_config_t *config) {
    if (config == NULL || config->pin_bit_mask == 0 || (config->pin_bit_mask & (config->pin_bit_mask - 1)) != 0) {
        return ESP_ERR_INVALID_ARG;
    }
    int pin = 0;
    while (!(config->pin_bit_mask & (1ULL << pin))) pin++;
    if (!GPIO_IS_VALID_OUTPUT_GPIO(pin) && config->mode == GPIO_MODE_OUTPUT) return ESP_ERR_INVALID_ARG;
    fake_pin = pin;
    fake_pin_output = config->mode == GPIO_MODE_OUTPUT;
    fake_pin_pulls = config->pull_up_en != GPIO_PULLUP_DISABLE || config->pull_down_en != GPIO_PULLDOWN_DISABLE;
    return ESP_OK;
}

esp_err_t gpio_set_level(gpio_num_t gpio, uint32_t level) {
    if (!GPIO_IS_VALID_OUTPUT_GPIO(gpio)) return ESP_ERR_INVALID_ARG;
    if (gpio != fake_pin) {
        /* Another pin than the one configured last: a new pin, not an output yet. */
        fake_pin = gpio;
        fake_pin_output = 0;
    }
    if (level != fake_pin_level && fake_level_changes < 64) {
        fake_level_history[fake_level_changes] = level;
        fake_level_history_output[fake_level_changes] = fake_pin_output;
        fake_level_changes++;
    }
    fake_pin_level = level;
    return ESP_OK;
}
