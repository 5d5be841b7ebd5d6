/*
 * The MicroEJ Simulator mock for our SNI natives (dev.smartpot.firmware.esp32.*): plain Java run by the Simulator
 * in place of the C code in ../bsp/. It uses no HIL API, so any JDK 8+ compiles it too.
 *
 * With the public ESP32 VEE Ports (SDK 5): `gradle :mock:build`, then copy mock/build/libs/mock-0.1.0.jar into the
 * VEE Port's configuration project, dropins/mocks/dropins/, and rebuild the VEE Port (docs/esp32.md). With an SDK 6
 * VEE Port: -Psdk6VeePort=true makes the application declare it (microejMock in ../build.gradle.kts).
 *
 * No version here: the root project already loaded MicroEJ's plugin artifact, which holds every com.microej.gradle.*
 * plugin (as in MicroEJ's project template).
 */
plugins {
    id("com.microej.gradle.mock")
}

group = "dev.smartpot"
version = "0.1.0"
