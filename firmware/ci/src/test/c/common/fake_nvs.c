/*
 * A fake of ESP-IDF's NVS for the host tests: one partition in RAM holding namespaces with blob entries, with the
 * documented behaviour smartpot_store_natives.c relies on (nvs.h, v4.3.2 and v5.0.1): a READONLY open of a namespace
 * that does not exist yet is ESP_ERR_NVS_NOT_FOUND, a READWRITE open creates it; nvs_get_blob of a missing key is
 * ESP_ERR_NVS_NOT_FOUND, into a buffer too short is ESP_ERR_NVS_INVALID_LENGTH; a failed set leaves the old value.
 * It counts what would reach the flash.
 */
#include <string.h>
#include "nvs.h"

#define FAKE_MAX_ENTRIES 4
#define FAKE_MAX_BLOB 4096

typedef struct {
    char key[16];
    size_t length;
    unsigned char value[FAKE_MAX_BLOB];
    int used;
} fake_entry_t;

int fake_nvs_namespace_exists = 0;
int fake_nvs_blob_writes = 0;
int fake_nvs_commits = 0;
int fake_nvs_open_handles = 0;
/* The next nvs_set_blob fails with this (then resets), e.g. ESP_ERR_NVS_NOT_ENOUGH_SPACE. */
esp_err_t fake_nvs_fail_next_set = ESP_OK;

static fake_entry_t entries[FAKE_MAX_ENTRIES];
static nvs_open_mode_t open_mode;

static fake_entry_t *find(const char *key) {
    for (int i = 0; i < FAKE_MAX_ENTRIES; i++) {
        if (entries[i].used && strcmp(entries[i].key, key) == 0) {
            return &entries[i];
        }
    }
    return NULL;
}

esp_err_t nvs_open(const char *name, nvs_open_mode_t mode, nvs_handle_t *out_handle) {
    if (strcmp(name, "smartpot") != 0) {
        return ESP_ERR_INVALID_ARG; /* the natives use one namespace */
    }
    if (!fake_nvs_namespace_exists) {
        if (mode == NVS_READONLY) {
            return ESP_ERR_NVS_NOT_FOUND;
        }
        fake_nvs_namespace_exists = 1;
    }
    open_mode = mode;
    fake_nvs_open_handles++;
    *out_handle = 7;
    return ESP_OK;
}

esp_err_t nvs_get_blob(nvs_handle_t handle, const char *key, void *out_value, size_t *length) {
    (void) handle;
    fake_entry_t *e = find(key);
    if (e == NULL) {
        return ESP_ERR_NVS_NOT_FOUND;
    }
    if (out_value == NULL) {
        *length = e->length;
        return ESP_OK;
    }
    if (*length < e->length) {
        return ESP_ERR_NVS_INVALID_LENGTH;
    }
    memcpy(out_value, e->value, e->length);
    *length = e->length;
    return ESP_OK;
}

esp_err_t nvs_set_blob(nvs_handle_t handle, const char *key, const void *value, size_t length) {
    (void) handle;
    if (open_mode != NVS_READWRITE) {
        return 0x1104; /* ESP_ERR_NVS_READ_ONLY */
    }
    if (fake_nvs_fail_next_set != ESP_OK) {
        esp_err_t err = fake_nvs_fail_next_set;
        fake_nvs_fail_next_set = ESP_OK;
        return err;
    }
    fake_entry_t *e = find(key);
    for (int i = 0; e == NULL && i < FAKE_MAX_ENTRIES; i++) {
        if (!entries[i].used) {
            e = &entries[i];
            e->used = 1;
            strncpy(e->key, key, sizeof(e->key) - 1);
        }
    }
    memcpy(e->value, value, length);
    e->length = length;
    fake_nvs_blob_writes++;
    return ESP_OK;
}

/* Whether a blob is stored under key (for the tests). */
int fake_nvs_has_key(const char *key);
int fake_nvs_has_key(const char *key) {
    return find(key) != NULL;
}

esp_err_t nvs_commit(nvs_handle_t handle) {
    (void) handle;
    fake_nvs_commits++;
    return ESP_OK;
}

void nvs_close(nvs_handle_t handle) {
    (void) handle;
    fake_nvs_open_handles--;
}
