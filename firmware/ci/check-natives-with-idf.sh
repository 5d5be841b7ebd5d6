#!/usr/bin/env bash
# Compiles our SNI natives with the host gcc against a REAL ESP-IDF checkout's headers (not the stubs CI uses):
#   - smartpot_store_natives.c (NVS, RTC memory): compiled, linked with the host fakes and run (the CI checks,
#     including a reset at every write of an RTC store);
#   - smartpot_natives.c (ADC1, restart, reset reason, deep sleep): type-checked (-fsyntax-only) once per chip, esp32
#     and esp32s3, with that chip's soc/hal headers (running it needs the chip), and the host fakes of esp_restart,
#     esp_reset_reason, esp_sleep_enable_timer_wakeup and esp_deep_sleep_start type-checked against the real
#     esp_system.h and esp_sleep.h (a fake whose signature differs from ESP-IDF's is a compile error).
# A declaration that differs from ours is a compile error here. It cannot check linking with ESP-IDF's libraries or
# anything on silicon: only idf.py in the VEE Port's BSP does.
#
#   firmware/ci/check-natives-with-idf.sh $IDF_PATH      # an ESP-IDF checkout, e.g. the one the VEE Port uses
#   firmware/ci/check-natives-with-idf.sh --git REPO TAG # a tag of an ESP-IDF git repository (a bare clone will do):
#                                                        # the components these checks read are exported to a temp dir
set -euo pipefail

exported=""
if [[ "${1:-}" == "--git" ]]; then
    if [[ $# -ne 3 ]]; then
        echo "usage: $0 --git REPO TAG   (e.g. --git ~/esp-idf.git v5.0.1)" >&2
        exit 2
    fi
    exported=$(mktemp -d)
    trap 'rm -rf "$exported"' EXIT
    wanted=()
    for component in nvs_flash esp_common xtensa esp_adc driver hal soc esp_system esp_hw_support esp_rom freertos \
            newlib log heap esp_timer esp32 esp32s3; do
        if git -C "$2" cat-file -e "$3:components/$component" 2>/dev/null; then wanted+=("components/$component"); fi
    done
    git -C "$2" archive "$3" "${wanted[@]}" | tar -x -C "$exported"
    echo "$3" > "$exported/version.txt"
    set -- "$exported"
fi

idf=${1:-${IDF_PATH:-}}
if [[ -z "$idf" || ! -f "$idf/components/nvs_flash/include/nvs.h" ]]; then
    echo "usage: $0 IDF_PATH   (an ESP-IDF checkout: IDF_PATH/components/nvs_flash/include/nvs.h must exist)" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
bsp="$here/../microej/bsp"
stubs="$here/src/test/c/common"
out=$(mktemp -d)
trap 'rm -rf "$out" ${exported:+"$exported"}' EXIT
c=$idf/components

# sni.h is MicroEJ's, not ESP-IDF's: its stub stays (the SNI types only). The real headers include sdkconfig.h,
# which an ESP-IDF build generates: one naming the chip (every other option off) does for these declarations.
mkdir -p "$out/common"
cp "$stubs/sni.h" "$out/common/sni.h"

existing() {
    for dir in "$@"; do
        if [[ -d "$c/$dir" ]]; then printf -- '-I%s\n' "$c/$dir"; fi
    done
}

version=$(git -C "$idf" describe --tags 2>/dev/null || cat "$idf/version.txt" 2>/dev/null || echo 'version unknown')
echo "ESP-IDF at $idf ($version)"

echo "== smartpot_store_natives.c: compile against the real nvs.h, esp_err.h, esp_attr.h, link with the fakes, run"
mkdir -p "$out/store"
: > "$out/store/sdkconfig.h"
mapfile -t store_includes < <(existing nvs_flash/include esp_common/include xtensa/include)
gcc -std=gnu99 -Wall -Wextra -Werror -DSMARTPOT_RTC_TEST_HOOKS -I"$out/store" -I"$out/common" "${store_includes[@]}" -I"$bsp" -o "$out/store_natives" \
    "$bsp/smartpot_store_natives.c" "$stubs/fake_nvs.c" "$stubs/store_natives_test.c"
"$out/store_natives" | grep -c '^ok' | sed 's/^/   checks passed: /'
"$out/store_natives" > /dev/null

major=$(awk '/define ESP_IDF_VERSION_MAJOR/ {print $3}' "$c/esp_common/include/esp_idf_version.h")
chips=(esp32)
if [[ $major -ge 5 ]]; then
    chips+=(esp32s3)
else
    echo "== smartpot_natives.c for esp32s3: not checked, it refuses ESP-IDF $major on purpose (the S3 needs 5)"
fi
for chip in "${chips[@]}"; do
    echo "== smartpot_natives.c for $chip: type-check against the real ADC, esp_err, esp_system, esp_sleep headers"
    mkdir -p "$out/$chip"
    echo "#define CONFIG_IDF_TARGET_$(echo "$chip" | tr a-z A-Z) 1" > "$out/$chip/sdkconfig.h"
    mapfile -t adc_includes < <(existing esp_adc/include driver/include "driver/$chip/include" hal/include "hal/$chip/include" \
        "soc/$chip/include" soc/include esp_common/include esp_system/include esp_hw_support/include xtensa/include \
        esp_rom/include freertos/include freertos/port/xtensa/include)
    gcc -std=gnu99 -Wall -Wextra -Werror -fsyntax-only -I"$out/$chip" -I"$out/common" "${adc_includes[@]}" "$bsp/smartpot_natives.c"
    gcc -std=gnu99 -Wall -Wextra -Werror -fsyntax-only -I"$out/$chip" -I"$out/common" "${adc_includes[@]}" "$stubs/fake_system.c"
    echo "   ok (ESP-IDF major version $major: $([[ $major -ge 5 ]] && echo 'ADC oneshot driver' || echo 'legacy driver/adc.h'))"
done
