/*
 * The smart pot firmware for the ESP32 (MicroEJ SDK 6). See docs/esp32.md.
 *
 * Repositories: the MicroEJ SDK 6 setup (an init script in ~/.gradle/init.d, see the SDK 6 "Install" page)
 * declares MicroEJ's module repositories for every project; nothing is declared here.
 */
rootProject.name = "smartpot-firmware"

include("mock")
