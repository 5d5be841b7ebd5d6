/*
 * Test stub of ESP-IDF's nvs.h: the declarations smartpot_store_natives.c uses, copied in shape (not in text) from
 * espressif/esp-idf components/nvs_flash/include/nvs.h, identical in v4.3.2 and v5.0.1:
 *   typedef uint32_t nvs_handle_t;                    typedef enum { NVS_READONLY, NVS_READWRITE } nvs_open_mode_t;
 *   esp_err_t nvs_open(const char* name, nvs_open_mode_t open_mode, nvs_handle_t *out_handle);
 *   esp_err_t nvs_get_blob(nvs_handle_t handle, const char* key, void* out_value, size_t* length);
 *   esp_err_t nvs_set_blob(nvs_handle_t handle, const char* key, const void* value, size_t length);
 *   esp_err_t nvs_commit(nvs_handle_t handle);        void nvs_close(nvs_handle_t handle);
 *   ESP_ERR_NVS_BASE 0x1100, NOT_FOUND +0x02, NOT_ENOUGH_SPACE +0x05, INVALID_LENGTH +0x0c.
 * firmware/ci/check-natives-with-idf.sh compiles the same file against a real ESP-IDF checkout.
 */
#ifndef NVS_H
#define NVS_H
#include <stddef.h>
#include <stdint.h>
#include "esp_err.h"

typedef uint32_t nvs_handle_t;
typedef enum {
    NVS_READONLY,
    NVS_READWRITE
} nvs_open_mode_t;

#define ESP_ERR_NVS_BASE 0x1100
#define ESP_ERR_NVS_NOT_FOUND (ESP_ERR_NVS_BASE + 0x02)
#define ESP_ERR_NVS_NOT_ENOUGH_SPACE (ESP_ERR_NVS_BASE + 0x05)
#define ESP_ERR_NVS_INVALID_LENGTH (ESP_ERR_NVS_BASE + 0x0c)

esp_err_t nvs_open(const char *name, nvs_open_mode_t open_mode, nvs_handle_t *out_handle);
esp_err_t nvs_get_blob(nvs_handle_t handle, const char *key, void *out_value, size_t *length);
esp_err_t nvs_set_blob(nvs_handle_t handle, const char *key, const void *value, size_t length);
esp_err_t nvs_commit(nvs_handle_t handle);
void nvs_close(nvs_handle_t handle);
#endif
