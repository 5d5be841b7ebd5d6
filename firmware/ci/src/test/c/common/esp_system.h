/*
 * Test stub of ESP-IDF's esp_system.h: what smartpot_natives.c uses, as declared in espressif/esp-idf
 * components/esp_system/include/esp_system.h (v4.3.2 lines 55-67, 106, 112; v5.0.1 lines 24-36, 75, 81; the same
 * declarations and enum values in both):
 *   void esp_restart(void) __attribute__ ((noreturn));
 *   esp_reset_reason_t esp_reset_reason(void);
 */
#ifndef ESP_SYSTEM_H
#define ESP_SYSTEM_H

typedef enum {
    ESP_RST_UNKNOWN,
    ESP_RST_POWERON,
    ESP_RST_EXT,
    ESP_RST_SW,
    ESP_RST_PANIC,
    ESP_RST_INT_WDT,
    ESP_RST_TASK_WDT,
    ESP_RST_WDT,
    ESP_RST_DEEPSLEEP,
    ESP_RST_BROWNOUT,
    ESP_RST_SDIO,
} esp_reset_reason_t;

void esp_restart(void) __attribute__ ((noreturn));
esp_reset_reason_t esp_reset_reason(void);
#endif
