/*
 * Host test driver for smartpot_pump_natives.c, linked with fake_pump_idf.c. After run() no Java-side native is called
 * again: only the esp_timer task's clock moves, as when the VM hangs or is gone. Prints one line per check; exit 0 = pass.
 */
#include <stdint.h>
#include <stdio.h>
#include "sni.h"
#include "esp_err.h"

jint Java_dev_smartpot_firmware_esp32_PumpNatives_off(jint gpio, jint activeLevel);
jint Java_dev_smartpot_firmware_esp32_PumpNatives_run(jlong micros);
jint Java_dev_smartpot_firmware_esp32_PumpNatives_running(void);
void fake_timer_task_advance(int64_t us);
extern int fake_timers_created;
extern int fake_timer_fired;
extern esp_err_t fake_timer_start_result;
extern uint64_t fake_timer_armed_us;
extern int fake_pin;
extern uint32_t fake_pin_level;
extern int fake_pin_output;
extern int fake_pin_pulls;
extern uint32_t fake_level_history[];
extern int fake_level_history_output[];
extern int fake_level_changes;

static int failures = 0;

static void expect(const char *what, long got, long want) {
    printf("%s %s: got %ld, want %ld\n", got == want ? "ok  " : "FAIL", what, got, want);
    if (got != want) failures++;
}

#define OFF(gpio, level) Java_dev_smartpot_firmware_esp32_PumpNatives_off(gpio, level)
#define RUN(us) Java_dev_smartpot_firmware_esp32_PumpNatives_run(us)
#define RUNNING() Java_dev_smartpot_firmware_esp32_PumpNatives_running()

int main(void) {
    expect("run before off() configured a pin: -ESP_ERR_INVALID_STATE", RUN(1000000), -0x103);
    expect("  no timer created", fake_timers_created, 0);
    expect("off() on input-only GPIO 34: -ESP_ERR_INVALID_ARG", OFF(34, 1), -0x102);
    expect("off() on GPIO 99: -ESP_ERR_INVALID_ARG", OFF(99, 1), -0x102);

    /* Boot: the pin forced off first, before it becomes an output. */
    expect("boot: off(GPIO 27, active high)", OFF(27, 1), 0);
    expect("  GPIO 27 is the pump's pin", fake_pin, 27);
    expect("  an output", fake_pin_output, 1);
    expect("  without pull-up or pull-down", fake_pin_pulls, 0);
    expect("  at level 0 (off)", (long) fake_pin_level, 0);
    expect("  the off level latched before the pin became an output", fake_level_history_output[0], 0);
    expect("  and never driven high", fake_level_changes, 1);
    expect("  not running", RUNNING(), 0);

    expect("run(0 us): -ESP_ERR_INVALID_ARG", RUN(0), -0x102);
    expect("run(-1 us): -ESP_ERR_INVALID_ARG", RUN(-1), -0x102);
    expect("run(601 s), beyond pump.max.run's bound: -ESP_ERR_INVALID_ARG", RUN(601000000LL), -0x102);
    expect("  still off", (long) fake_pin_level, 0);

    expect("run(5 s)", RUN(5000000), 0);
    expect("  the pin at level 1 (on)", (long) fake_pin_level, 1);
    expect("  the one-shot timer armed for 5,000,000 us", (long) fake_timer_armed_us, 5000000);
    expect("  running", RUNNING(), 1);
    expect("a second run while it runs: -ESP_ERR_INVALID_STATE", RUN(1000000), -0x103);

    /* The VM is gone from here: no Java-side call until the pin is checked. */
    fake_timer_task_advance(4999999);
    expect("VM gone, 4.999999 s later: still on", (long) fake_pin_level, 1);
    fake_timer_task_advance(1);
    expect("VM gone, 5 s later: the timer task switched the pin off", (long) fake_pin_level, 0);
    expect("  by the timer, once", fake_timer_fired, 1);
    expect("  not running", RUNNING(), 0);
    fake_timer_task_advance(60000000);
    expect("  and it stays off", (long) fake_pin_level, 0);

    /* A restart mid-watering: the next boot's off() stops the pump and its timer at once. */
    expect("run(10 s) again, one timer for the board's life", RUN(10000000), 0);
    expect("  one timer created in all", fake_timers_created, 1);
    fake_timer_task_advance(3000000);
    expect("boot after a restart 3 s in: off()", OFF(27, 1), 0);
    expect("  the pin off at once", (long) fake_pin_level, 0);
    fake_timer_task_advance(10000000);
    expect("  the old timer disarmed: it never fires", fake_timer_fired, 1);

    /* A relay module whose input is active low. */
    expect("off(GPIO 26, active low)", OFF(26, 0), 0);
    expect("  GPIO 26 at level 1 (off for an active-low input)", (long) fake_pin_level, 1);
    expect("run(1 s)", RUN(1000000), 0);
    expect("  GPIO 26 at level 0 (on)", (long) fake_pin_level, 0);
    fake_timer_task_advance(1000000);
    expect("VM gone, 1 s later: GPIO 26 back at level 1", (long) fake_pin_level, 1);

    /* A timer ESP-IDF refuses: the pump never starts. */
    fake_timer_start_result = ESP_ERR_NO_MEM;
    int changes = fake_level_changes;
    expect("run() when esp_timer_start_once fails: its -esp_err_t", RUN(1000000), -0x101);
    expect("  the pin never switched on", fake_level_changes - changes, 0);
    expect("  not running", RUNNING(), 0);
    return failures == 0 ? 0 : 1;
}
