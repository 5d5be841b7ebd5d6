/*
 * Host test driver for smartpot_store_natives.c, linked with fake_nvs.c. Prints one line per check; exit 0 = pass.
 * NVS: nothing saved reads as -1, a save writes flash only when the text changes, errors keep the old text.
 * RTC: what was stored survives a restart (the region is untouched), anything else (noise after a power cut, a
 * flipped bit, a wrong magic, layout or length) reads as nothing.
 */
#include <stdio.h>
#include <string.h>
#include "sni.h"
#include "esp_err.h"
#include "smartpot_store_natives.h"

jint Java_dev_smartpot_firmware_esp32_NvsNatives_settingsLoad(jbyte *buffer, jint capacity);
jint Java_dev_smartpot_firmware_esp32_NvsNatives_settingsSave(jbyte *text, jint length);
jint Java_dev_smartpot_firmware_esp32_NvsNatives_settingsMax(void);
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_capacity(void);
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_load(jbyte *buffer, jint capacity);
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_store(jbyte *data, jint length);
void Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_clear(void);

extern int fake_nvs_blob_writes;
extern int fake_nvs_commits;
extern int fake_nvs_open_handles;
extern esp_err_t fake_nvs_fail_next_set;

static int failures = 0;

static void expect(const char *what, long got, long want) {
    printf("%s %s: got %ld, want %ld\n", got == want ? "ok  " : "FAIL", what, got, want);
    if (got != want) failures++;
}

static jint save(const char *text) {
    return Java_dev_smartpot_firmware_esp32_NvsNatives_settingsSave((jbyte *) text, (jint) strlen(text));
}

/* 1 when the settings read back are exactly text. */
static int loads(const char *text) {
    jbyte buffer[2048];
    jint n = Java_dev_smartpot_firmware_esp32_NvsNatives_settingsLoad(buffer, (jint) sizeof(buffer));
    return n == (jint) strlen(text) && memcmp(buffer, text, (size_t) n) == 0;
}

static void settings(void) {
    jbyte buffer[64];
    expect("load before any save: nothing saved", Java_dev_smartpot_firmware_esp32_NvsNatives_settingsLoad(buffer, 64), -1);
    expect("first save writes", save("publish.interval = 10s\n"), 1);
    expect("  one blob written", fake_nvs_blob_writes, 1);
    expect("  and committed", fake_nvs_commits, 1);
    expect("load returns what was saved", loads("publish.interval = 10s\n"), 1);
    expect("the same text again is not written", save("publish.interval = 10s\n"), 0);
    expect("  still one blob written", fake_nvs_blob_writes, 1);
    expect("  still one commit", fake_nvs_commits, 1);
    expect("a changed value is written", save("publish.interval = 20s\n"), 1);
    expect("  two blobs written", fake_nvs_blob_writes, 2);
    expect("a longer text is written", save("publish.interval = 20s\nsensor.raw.dry = 3100\n"), 1);
    expect("  three blobs written", fake_nvs_blob_writes, 3);
    expect("load after changes returns the last text", loads("publish.interval = 20s\nsensor.raw.dry = 3100\n"), 1);
    expect("load into a buffer too short: -ESP_ERR_NVS_INVALID_LENGTH",
            Java_dev_smartpot_firmware_esp32_NvsNatives_settingsLoad(buffer, 8), -0x110c);
    static jbyte big[1025];
    memset(big, 'x', sizeof(big));
    expect("max is 1024", Java_dev_smartpot_firmware_esp32_NvsNatives_settingsMax(), 1024);
    expect("a text over the max is refused: -ESP_ERR_INVALID_SIZE",
            Java_dev_smartpot_firmware_esp32_NvsNatives_settingsSave(big, 1025), -0x104);
    expect("a text of exactly the max is written", Java_dev_smartpot_firmware_esp32_NvsNatives_settingsSave(big, 1024), 1);
    expect("  and the same again is not", Java_dev_smartpot_firmware_esp32_NvsNatives_settingsSave(big, 1024), 0);
    save("publish.interval = 30s\n");
    int writes = fake_nvs_blob_writes;
    fake_nvs_fail_next_set = 0x1105; /* ESP_ERR_NVS_NOT_ENOUGH_SPACE */
    expect("a full partition: -ESP_ERR_NVS_NOT_ENOUGH_SPACE", save("publish.interval = 40s\n"), -0x1105);
    expect("  nothing written", fake_nvs_blob_writes, writes);
    expect("  the old text is still there", loads("publish.interval = 30s\n"), 1);
    expect("an empty text is a change too", save(""), 1);
    expect("  and loads as empty", loads(""), 1);
    expect("every handle was closed", fake_nvs_open_handles, 0);
}

static jint rtc_store(const char *text) {
    return Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_store((jbyte *) text, (jint) strlen(text));
}

static int rtc_holds(const char *text) {
    static jbyte buffer[SMARTPOT_RTC_CAPACITY];
    jint n = Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_load(buffer, (jint) sizeof(buffer));
    return n == (jint) strlen(text) && memcmp(buffer, text, (size_t) n) == 0;
}

static jint rtc_load(void) {
    static jbyte buffer[SMARTPOT_RTC_CAPACITY];
    return Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_load(buffer, (jint) sizeof(buffer));
}

static void rtc(void) {
    jbyte small[4];
    const char *state = "boot=3;seq=41;queue=0102030405060708";
    expect("capacity is 6144 bytes", Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_capacity(), 6144);
    memset(&smartpot_rtc_region, 0xA5, sizeof(smartpot_rtc_region)); /* what a power cut leaves */
    expect("noise after a power cut reads as nothing", rtc_load(), -1);
    memset(&smartpot_rtc_region, 0, sizeof(smartpot_rtc_region));
    expect("zeroes read as nothing", rtc_load(), -1);
    expect("store", rtc_store(state), 0);
    expect("load returns what was stored", rtc_holds(state), 1);
    expect("after a restart (memory untouched) it still does", rtc_holds(state), 1);
    expect("load into a buffer too short reads as nothing",
            Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_load(small, (jint) sizeof(small)), -1);

    smartpot_rtc_region.data[5] ^= 0x01;
    expect("one flipped bit in the data: nothing", rtc_load(), -1);
    smartpot_rtc_region.data[5] ^= 0x01;
    expect("  flipped back: valid again", rtc_holds(state), 1);
    smartpot_rtc_region.crc ^= 0x80000000u;
    expect("a wrong CRC: nothing", rtc_load(), -1);
    smartpot_rtc_region.crc ^= 0x80000000u;
    smartpot_rtc_region.magic = 0x53505253u;
    expect("a wrong magic: nothing", rtc_load(), -1);
    smartpot_rtc_region.magic = SMARTPOT_RTC_MAGIC;
    smartpot_rtc_region.layout = 2;
    expect("another firmware's layout: nothing", rtc_load(), -1);
    smartpot_rtc_region.layout = SMARTPOT_RTC_LAYOUT;
    smartpot_rtc_region.length += 1;
    expect("a length the CRC does not cover: nothing", rtc_load(), -1);
    smartpot_rtc_region.length = SMARTPOT_RTC_CAPACITY + 1;
    expect("a length over capacity: nothing", rtc_load(), -1);
    smartpot_rtc_region.length = (uint32_t) strlen(state);
    expect("header restored: valid again", rtc_holds(state), 1);

    static jbyte full[SMARTPOT_RTC_CAPACITY + 1];
    for (int i = 0; i < (int) sizeof(full); i++) full[i] = (jbyte) (i * 7);
    expect("a store over capacity is refused: -ESP_ERR_INVALID_SIZE",
            Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_store(full, SMARTPOT_RTC_CAPACITY + 1), -0x104);
    expect("  and the region keeps what it held", rtc_holds(state), 1);
    expect("a store of exactly capacity", Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_store(full, SMARTPOT_RTC_CAPACITY), 0);
    expect("  loads back whole", rtc_load(), SMARTPOT_RTC_CAPACITY);
    expect("an empty store is valid", rtc_store(""), 0);
    expect("  and loads as empty", rtc_load(), 0);
    Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_clear();
    expect("after clear: nothing", rtc_load(), -1);
}

int main(void) {
    settings();
    rtc();
    return failures == 0 ? 0 : 1;
}
