/*
 * Host test driver for smartpot_store_natives.c, linked with fake_nvs.c and compiled with -DSMARTPOT_RTC_TEST_HOOKS.
 * Prints one line per check; exit 0 = pass.
 * NVS: per key (settings, sequence mark), nothing saved reads as -1, a save writes flash only when the text changes,
 * errors keep the old text, the two keys do not touch each other.
 * RTC: what was stored survives a restart (the region is untouched), anything else (noise after a power cut, a
 * flipped bit, a wrong magic, layout or length) reads as nothing; a reset at every step and every byte of a store
 * leaves the previous copy or the new one (or, for copies too large to keep two, nothing), never anything else.
 */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include "sni.h"
#include "esp_err.h"
#include "smartpot_store_natives.h"

#ifndef SMARTPOT_RTC_TEST_HOOKS
#error "compile with -DSMARTPOT_RTC_TEST_HOOKS (the reset hooks this test drives)"
#endif

#define KEY_SETTINGS 0
#define KEY_MARK 1

jint Java_dev_smartpot_firmware_esp32_NvsNatives_load(jint key, jbyte *buffer, jint capacity);
jint Java_dev_smartpot_firmware_esp32_NvsNatives_save(jint key, jbyte *text, jint length);
jint Java_dev_smartpot_firmware_esp32_NvsNatives_maxLength(void);
void smartpot_rtc_forget_boot_state(void);
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_capacity(void);
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_load(jbyte *buffer, jint capacity);
jint Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_store(jbyte *data, jint length);
void Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_clear(void);

extern int fake_nvs_blob_writes;
int fake_nvs_has_key(const char *key);
extern int fake_nvs_commits;
extern int fake_nvs_open_handles;
extern esp_err_t fake_nvs_fail_next_set;

static int failures = 0;

static void expect(const char *what, long got, long want) {
    printf("%s %s: got %ld, want %ld\n", got == want ? "ok  " : "FAIL", what, got, want);
    if (got != want) failures++;
}

static jint save_key(jint key, const char *text) {
    return Java_dev_smartpot_firmware_esp32_NvsNatives_save(key, (jbyte *) text, (jint) strlen(text));
}

static jint save(const char *text) {
    return save_key(KEY_SETTINGS, text);
}

/* 1 when the text read back under key is exactly text. */
static int loads_key(jint key, const char *text) {
    jbyte buffer[2048];
    jint n = Java_dev_smartpot_firmware_esp32_NvsNatives_load(key, buffer, (jint) sizeof(buffer));
    return n == (jint) strlen(text) && memcmp(buffer, text, (size_t) n) == 0;
}

static int loads(const char *text) {
    return loads_key(KEY_SETTINGS, text);
}

static void settings(void) {
    jbyte buffer[64];
    expect("load before any save: nothing saved", Java_dev_smartpot_firmware_esp32_NvsNatives_load(KEY_SETTINGS, buffer, 64), -1);
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
            Java_dev_smartpot_firmware_esp32_NvsNatives_load(KEY_SETTINGS, buffer, 8), -0x110c);
    static jbyte big[1025];
    memset(big, 'x', sizeof(big));
    expect("max is 1024", Java_dev_smartpot_firmware_esp32_NvsNatives_maxLength(), 1024);
    expect("a text over the max is refused: -ESP_ERR_INVALID_SIZE",
            Java_dev_smartpot_firmware_esp32_NvsNatives_save(KEY_SETTINGS, big, 1025), -0x104);
    expect("a text of exactly the max is written", Java_dev_smartpot_firmware_esp32_NvsNatives_save(KEY_SETTINGS, big, 1024), 1);
    expect("  and the same again is not", Java_dev_smartpot_firmware_esp32_NvsNatives_save(KEY_SETTINGS, big, 1024), 0);
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

static void sequence_mark(void) {
    jbyte buffer[64];
    const char *mark = "boot = 3\nseq.ceiling = 512\nseq.undelivered = 300\n";
    save("publish.interval = 30s\n");
    int writes = fake_nvs_blob_writes;
    expect("mark: nothing saved under its key yet", Java_dev_smartpot_firmware_esp32_NvsNatives_load(KEY_MARK, buffer, 64), -1);
    expect("mark: first save writes", save_key(KEY_MARK, mark), 1);
    expect("  one more blob written", fake_nvs_blob_writes, writes + 1);
    expect("  under the key \"seqmark\"", fake_nvs_has_key("seqmark"), 1);
    expect("mark: loads back", loads_key(KEY_MARK, mark), 1);
    expect("  and the settings are untouched", loads("publish.interval = 30s\n"), 1);
    expect("mark: the same again is not written", save_key(KEY_MARK, mark), 0);
    expect("  no blob written", fake_nvs_blob_writes, writes + 1);
    expect("a settings save leaves the mark alone", save("publish.interval = 45s\n"), 1);
    expect("  the mark still loads", loads_key(KEY_MARK, mark), 1);
    expect("an unknown key: -ESP_ERR_INVALID_ARG on save", save_key(2, "x"), -0x102);
    expect("  and on load", Java_dev_smartpot_firmware_esp32_NvsNatives_load(-1, buffer, 64), -0x102);
    expect("every handle was closed", fake_nvs_open_handles, 0);
}

static jint rtc_store(const char *text) {
    return Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_store((jbyte *) text, (jint) strlen(text));
}

static jint rtc_store_bytes(const jbyte *data, jint length) {
    return Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_store((jbyte *) data, length);
}

static jbyte loaded[SMARTPOT_RTC_CAPACITY];

static jint rtc_load(void) {
    return Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_load(loaded, (jint) sizeof(loaded));
}

/* 1 when the region holds exactly data[0..length), read as the next boot would (RAM forgotten). */
static int rtc_holds_bytes(const jbyte *data, jint length) {
    smartpot_rtc_forget_boot_state();
    jint n = rtc_load();
    return n == length && memcmp(loaded, data, (size_t) n) == 0;
}

static int rtc_holds(const char *text) {
    return rtc_holds_bytes((const jbyte *) text, (jint) strlen(text));
}

/* The current slot's header, found as load finds it. */
static smartpot_rtc_slot_t *rtc_current_slot(void) {
    smartpot_rtc_slot_t *a = &smartpot_rtc_region.slot[0];
    smartpot_rtc_slot_t *b = &smartpot_rtc_region.slot[1];
    if (a->magic != SMARTPOT_RTC_MAGIC) return b;
    if (b->magic != SMARTPOT_RTC_MAGIC) return a;
    return (int32_t) (b->generation - a->generation) > 0 ? b : a;
}

static void rtc(void) {
    jbyte small[4];
    const char *state = "boot=3;seq=41;queue=0102030405060708";
    expect("capacity is 6144 bytes", Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_capacity(), 6144);
    memset(&smartpot_rtc_region, 0xA5, sizeof(smartpot_rtc_region)); /* what a power cut leaves */
    smartpot_rtc_forget_boot_state();
    expect("noise after a power cut reads as nothing", rtc_load(), -1);
    memset(&smartpot_rtc_region, 0, sizeof(smartpot_rtc_region));
    smartpot_rtc_forget_boot_state();
    expect("zeroes read as nothing", rtc_load(), -1);
    expect("store", rtc_store(state), 0);
    expect("load returns what was stored", rtc_holds(state), 1);
    expect("after a restart (memory untouched) it still does", rtc_holds(state), 1);
    expect("load into a buffer too short reads as nothing",
            Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_load(small, (jint) sizeof(small)), -1);

    smartpot_rtc_slot_t *s = rtc_current_slot();
    smartpot_rtc_region.arena[s->offset + 5] ^= 0x01;
    expect("one flipped bit in the data: nothing", rtc_holds(state) || rtc_load() >= 0, 0);
    smartpot_rtc_region.arena[s->offset + 5] ^= 0x01;
    expect("  flipped back: valid again", rtc_holds(state), 1);
    s->crc ^= 0x80000000u;
    expect("a wrong CRC: nothing", rtc_holds(state), 0);
    s->crc ^= 0x80000000u;
    s->magic = 0x53505253u;
    expect("a wrong magic: nothing", rtc_holds(state), 0);
    s->magic = SMARTPOT_RTC_MAGIC;
    s->layout = 1;
    expect("another firmware's layout: nothing", rtc_holds(state), 0);
    s->layout = SMARTPOT_RTC_LAYOUT;
    s->length += 1;
    expect("a length the CRC does not cover: nothing", rtc_holds(state), 0);
    s->length = SMARTPOT_RTC_CAPACITY + 1;
    expect("a length over capacity: nothing", rtc_holds(state), 0);
    s->length = (uint32_t) strlen(state);
    s->offset = SMARTPOT_RTC_CAPACITY;
    expect("an offset past the arena: nothing", rtc_holds(state), 0);
    s->offset = 0;
    expect("header restored: valid again", rtc_holds(state), 1);

    expect("a second store", rtc_store("boot=3;seq=42"), 0);
    expect("  is the one loaded", rtc_holds("boot=3;seq=42"), 1);
    expect("  both slots valid, the newer wins", smartpot_rtc_region.slot[0].magic == SMARTPOT_RTC_MAGIC
            && smartpot_rtc_region.slot[1].magic == SMARTPOT_RTC_MAGIC, 1);
    s = rtc_current_slot();
    s->crc ^= 1u;
    expect("the newer copy corrupted: the previous one is loaded", rtc_holds(state), 1);
    s->crc ^= 1u;

    static jbyte full[SMARTPOT_RTC_CAPACITY + 1];
    for (int i = 0; i < (int) sizeof(full); i++) full[i] = (jbyte) (i * 7);
    expect("a store over capacity is refused: -ESP_ERR_INVALID_SIZE", rtc_store_bytes(full, SMARTPOT_RTC_CAPACITY + 1), -0x104);
    expect("  and the region keeps what it held", rtc_holds("boot=3;seq=42"), 1);
    expect("a store of exactly capacity: written over the previous copy (1)", rtc_store_bytes(full, SMARTPOT_RTC_CAPACITY), 1);
    expect("  loads back whole", rtc_holds_bytes(full, SMARTPOT_RTC_CAPACITY), 1);
    expect("an empty store after it: beside it (0)", rtc_store(""), 0);
    expect("  and loads as empty", rtc_holds(""), 1);
    Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_clear();
    expect("after clear: nothing", rtc_load(), -1);
    expect("  nor after a restart", rtc_holds(""), 0);
}

/* ---- a reset at any point of a store ------------------------------------------------------------------------ */

static jmp_buf reset_jump;
/* Writes (reset points and copied bytes) a store may make before the simulated reset; negative: no reset. */
static long write_budget = -1;

static void spend(void) {
    if (write_budget == 0) {
        write_budget = -1;
        longjmp(reset_jump, 1);
    }
    if (write_budget > 0) write_budget--;
}

void smartpot_test_reset_point(void) {
    spend();
}

void *smartpot_test_copy(void *to, const void *from, size_t length) {
    unsigned char *t = to;
    const unsigned char *f = from;
    for (size_t i = 0; i < length; i++) {
        spend();
        t[i] = f[i];
    }
    return to;
}

static void fill(jbyte *data, jint length, int seed) {
    for (jint i = 0; i < length; i++) data[i] = (jbyte) (seed * 31 + i * 7);
}

/*
 * Stores before (one store earlier, two stores earlier so both slots are in use), then a store of after that a reset
 * interrupts after k writes, for every k until the store completes. Returns how many of those resets left the
 * previous copy, the new one, or nothing; anything else (half a copy, another copy) counts as wrong.
 */
static void interrupted_stores(const char *what, jint before_length, jint after_length, int nothing_allowed) {
    static jbyte before[SMARTPOT_RTC_CAPACITY], older[SMARTPOT_RTC_CAPACITY], after[SMARTPOT_RTC_CAPACITY];
    fill(older, before_length, 1);
    fill(before, before_length, 2);
    fill(after, after_length, 3);
    int old_kept = 0, new_kept = 0, nothing = 0, wrong = 0;
    for (long k = 0;; k++) {
        Java_dev_smartpot_firmware_esp32_RtcMemoryNatives_clear();
        rtc_store_bytes(older, before_length);
        rtc_store_bytes(before, before_length);
        int completed = 0;
        if (setjmp(reset_jump) == 0) {
            write_budget = k;
            rtc_store_bytes(after, after_length);
            completed = 1;
        }
        write_budget = -1;
        if (rtc_holds_bytes(before, before_length)) old_kept++;
        else if (rtc_holds_bytes(after, after_length)) new_kept++;
        else if (rtc_load() == -1 && nothing_allowed) nothing++;
        else wrong++;
        if (completed) break;
    }
    printf("     %s: %d resets kept the previous copy, %d the new one, %d nothing\n", what, old_kept, new_kept, nothing);
    char label[160];
    snprintf(label, sizeof(label), "%s: a reset at any write leaves a whole copy%s", what,
            nothing_allowed ? " or nothing" : "");
    expect(label, wrong, 0);
    if (!nothing_allowed) {
        snprintf(label, sizeof(label), "%s: the previous copy survives every reset before the end", what);
        expect(label, nothing, 0);
    }
    snprintf(label, sizeof(label), "%s: the new copy is there once the store is done", what);
    expect(label, new_kept >= 1, 1);
}

static void resets_while_storing(void) {
    interrupted_stores("a reading added (100 -> 104 bytes)", 100, 104, 0);
    interrupted_stores("the queue drained (2,000 -> 84 bytes)", 2000, 84, 0);
    interrupted_stores("two copies just fit (3,072 + 3,072 bytes)", 3072, 3072, 0);
    interrupted_stores("too large for two copies (4,000 -> 4,004 bytes)", 4000, 4004, 1);
}

int main(void) {
    settings();
    sequence_mark();
    rtc();
    resets_while_storing();
    return failures == 0 ? 0 : 1;
}
