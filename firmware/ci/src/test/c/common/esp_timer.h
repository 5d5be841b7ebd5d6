/*
 * Test stub of ESP-IDF's esp_timer.h: what smartpot_pump_natives.c uses, as declared in espressif/esp-idf
 * components/esp_timer/include/esp_timer.h (v4.3.2 lines 52-78, 138, 153, 181; v5.0.1 lines 52-75, 135, 150, 194;
 * the same declarations in both):
 *   typedef void (*esp_timer_cb_t)(void* arg);
 *   esp_timer_create_args_t { callback, arg, dispatch_method, name, skip_unhandled_events }
 *   esp_err_t esp_timer_create(const esp_timer_create_args_t* create_args, esp_timer_handle_t* out_handle);
 *   esp_err_t esp_timer_start_once(esp_timer_handle_t timer, uint64_t timeout_us);
 *   esp_err_t esp_timer_stop(esp_timer_handle_t timer);   ESP_ERR_INVALID_STATE when the timer is not running
 *   int64_t esp_timer_get_time(void);
 * firmware/ci/check-natives-with-idf.sh compiles the same source against the real header.
 */
#ifndef ESP_TIMER_H
#define ESP_TIMER_H
#include <stdbool.h>
#include <stdint.h>
#include "esp_err.h"

typedef struct esp_timer* esp_timer_handle_t;
typedef void (*esp_timer_cb_t)(void* arg);
typedef enum { ESP_TIMER_TASK } esp_timer_dispatch_t;

typedef struct {
    esp_timer_cb_t callback;
    void* arg;
    esp_timer_dispatch_t dispatch_method;
    const char* name;
    bool skip_unhandled_events;
} esp_timer_create_args_t;

esp_err_t esp_timer_create(const esp_timer_create_args_t* create_args, esp_timer_handle_t* out_handle);
esp_err_t esp_timer_start_once(esp_timer_handle_t timer, uint64_t timeout_us);
esp_err_t esp_timer_stop(esp_timer_handle_t timer);
int64_t esp_timer_get_time(void);
#endif
